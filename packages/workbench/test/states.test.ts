import { describe, expect, it } from 'vitest';
import { applicationStateTitle, itemStates, orchestrationEventTitles, reachedPath, stateLabel } from '../src/model/states.js';

describe('naming where an application stands', () => {
  it('names the orchestration’s states from the engine’s own chart, the window’s sub-states included', () => {
    expect(applicationStateTitle('supplement')).toEqual({ 'zh-CN': '待补正', en: 'Awaiting a supplement' });
    expect(applicationStateTitle({ reception: 'submitted' })).toEqual({ 'zh-CN': '已提交，待签收', en: 'Submitted, awaiting the window' });
    expect(applicationStateTitle({ processing: { a: 'review' } })).toEqual({ 'zh-CN': '并联办理', en: 'Handled in parallel' });
    expect(orchestrationEventTitles().get('REQUEST_SUPPLEMENT')).toEqual({ 'zh-CN': '一次性告知补正', en: 'Request a supplement' });
  });

  it('finds each item’s state while the items are handled in parallel, nested states as paths', () => {
    expect(itemStates({ processing: { hukou: 'review', fire: { inspection: 'visit' } } })).toEqual({ hukou: 'review', fire: 'inspection.visit' });
    expect(itemStates({ reception: 'preReview' })).toEqual({});
  });

  it('labels a timeline entry of an item by the item’s state, with the titles the server sent', () => {
    const titles = { 'processing.hukou.review': { 'zh-CN': '审核', en: 'Review' } };
    expect(stateLabel({ processing: { hukou: 'review' } }, 'hukou', titles)).toEqual({ 'zh-CN': '审核', en: 'Review' });
    expect(stateLabel({ processing: { hukou: 'other' } }, 'hukou', titles)).toEqual({ 'zh-CN': 'other', en: 'other' });
    expect(stateLabel({ reception: 'preReview' }, undefined, titles)).toEqual({ 'zh-CN': '预审', en: 'Pre-review' });
    expect(stateLabel(null, undefined, titles)).toBeUndefined();
  });
});

describe('the state a timeline entry reached', () => {
  it('is the item’s own path for an item’s event, the application’s otherwise', () => {
    expect(reachedPath({ processing: { hukou: 'verification', fire: 'review' } }, 'hukou')).toBe('processing.hukou.verification');
    expect(reachedPath({ reception: 'preReview' }, undefined)).toBe('reception.preReview');
    expect(reachedPath('supplement', undefined)).toBe('supplement');
  });
});
