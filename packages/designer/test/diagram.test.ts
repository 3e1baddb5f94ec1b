import { describe, expect, it } from 'vitest';
import { orchestrationChart, orchestrationSettings } from '@onething/engine';
import { chartModel, countStates } from '../src/diagram/chart-model.js';
import { edgeLines, layoutDiagram } from '../src/diagram/layout.js';
import { definitionsIn, EXAMPLES } from './fixtures.js';
import { join } from 'node:path';

const vaccination = definitionsIn(join(EXAMPLES, 'items')).find((d) => d.id === 'vaccination-certificate')!;

describe('drawing a chart', () => {
  it('lists an item chart’s states with titles and limits, and transitions with events and roles', () => {
    const model = chartModel(vaccination['flow'] as never);
    expect(model.nodes.map((n) => [n.key, n.title?.en, n.limitDays ?? null, n.final])).toEqual([
      ['review', 'Open the record', 1, false],
      ['supplement', 'Supplement', 15, false],
      ['approved', 'Approved', null, true],
      ['rejected', 'Rejected', null, true],
      ['withdrawn', 'Withdrawn', null, true],
    ]);
    const approve = model.edges.find((e) => e.event === 'APPROVE')!;
    expect(approve).toMatchObject({ source: 'review', target: 'approved', roles: ['reviewer'] });
    expect(edgeLines(approve, 'zh-CN')).toEqual(['APPROVE', '审批人']);
    expect(edgeLines(model.edges.find((e) => e.event === 'EXPIRE')!, 'en')).toEqual(['EXPIRE', 'system']);
  });

  it('draws the orchestration with one region per item inside processing', () => {
    const chart = orchestrationChart(orchestrationSettings({ acceptDays: 1 }));
    const model = chartModel(chart as never, [
      { id: 'a', title: { 'zh-CN': '甲', en: 'A' }, limitDays: 3 },
      { id: 'b', title: { 'zh-CN': '乙', en: 'B' } },
    ]);
    const processing = model.nodes.find((n) => n.key === 'processing')!;
    expect(processing.children.map((c) => [c.id, c.region])).toEqual([
      ['processing.a', 'a'],
      ['processing.b', 'b'],
    ]);
    expect(model.nodes.find((n) => n.key === 'reception')!.children.map((c) => c.key)).toEqual(['submitted', 'preReview']);
    expect(model.edges.some((e) => e.kind === 'done' && e.source === 'processing')).toBe(true);
    expect(countStates(model.nodes)).toBeGreaterThan(8);
  });

  it('lays every state and transition out inside the drawing, children inside their parent', async () => {
    const chart = orchestrationChart(orchestrationSettings({ acceptDays: 1 }));
    const model = chartModel(chart as never, [{ id: 'a', title: { 'zh-CN': '甲', en: 'A' } }]);
    const layout = await layoutDiagram(model, 'zh-CN');
    expect(layout.nodes.length).toBe(countStates(model.nodes));
    expect(layout.edges.length).toBe(model.edges.length);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width + 0.5);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height + 0.5);
    }
    const reception = layout.nodes.find((n) => n.node.key === 'reception')!;
    const submitted = layout.nodes.find((n) => n.node.key === 'submitted')!;
    expect(submitted.x).toBeGreaterThanOrEqual(reception.x);
    expect(submitted.y + submitted.height).toBeLessThanOrEqual(reception.y + reception.height);
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
  });
});
