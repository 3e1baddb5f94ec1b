import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Locale } from '@onething/engine';
import { tx } from '../i18n/strings.js';
import type { DiagramEdge, DiagramModel, DiagramNode } from './chart-model.js';
import { roleTitle } from './roles.js';
import { textWidth } from './text-width.js';

/** A laid-out state: its box in absolute coordinates. */
export interface LaidNode {
  node: DiagramNode;
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
  compound: boolean;
}

/** A laid-out transition: its polyline and its label box. */
export interface LaidEdge {
  edge: DiagramEdge;
  points: Array<{ x: number; y: number }>;
  label?: { x: number; y: number; width: number; height: number; lines: string[] };
}

export interface Layout {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

export const FONT = { title: 13, small: 11, label: 11 } as const;
const PAD_X = 14;
const LINE = 16;
const REGION_TOP = LINE * 2 + 16;
const REGION_H = LINE * 2 + 12;
const REGION_GAP = 8;

/** The lines of an edge label: the event (or guard) and who may send it. @example edgeLines(approve, 'zh-CN') // ['APPROVE', '审批人'] */
export function edgeLines(edge: DiagramEdge, locale: Locale): string[] {
  const first = edge.kind === 'done' ? (locale === 'en' ? 'all items decided' : '各事项均已办结') : edge.event ?? (edge.guard ? `[${edge.guard}]` : '');
  const lines = first ? [first] : [];
  if (edge.roles.length) lines.push(edge.roles.map((r) => roleTitle(r, locale)).join(locale === 'en' ? ', ' : '、'));
  return lines;
}

/** The lines inside a state box: its title and its key (and limit). @example nodeLines(review, 'en') // { title: 'Review', detail: 'review · 1 working days' } */
export function nodeLines(node: DiagramNode, locale: Locale): { title: string; detail: string } {
  const title = tx(node.title, locale) || node.key;
  const limit = node.limitDays !== undefined ? (locale === 'en' ? ` · ${node.limitDays} ${node.days === 'calendar' ? 'days' : 'working days'}` : ` · ${node.limitDays} 个${node.days === 'calendar' ? '自然日' : '工作日'}`) : '';
  return { title, detail: `${node.key}${limit}` };
}

let elk: Promise<ELK> | undefined;

/** ELK is large (~1.5 MB): loaded on first use, in its own chunk of the app. */
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((module) => {
    // elk.bundled.js is CommonJS (module.exports = the constructor); its typings declare an ES default.
    const m = module as unknown as { default: unknown };
    const Elk = ((m.default as { default?: unknown }).default ?? m.default) as new () => ELK;
    return new Elk();
  });
  return elk;
}

/**
 * Lays a chart out with ELK (layered, top to bottom, compound states drawn around their
 * children, edge labels placed without overlaps). Coordinates are absolute.
 * @example const layout = await layoutDiagram(chartModel(item.flow), 'zh-CN'); layout.nodes.length
 */
export async function layoutDiagram(model: DiagramModel, locale: Locale): Promise<Layout> {
  const engine = await loadElk();
  const toElk = (node: DiagramNode): ElkNode => {
    const { title, detail } = nodeLines(node, locale);
    const width = Math.max(textWidth(title, FONT.title), textWidth(detail, FONT.small)) + PAD_X * 2;
    if (node.parallel && node.children.length && node.children.every((c) => c.region)) {
      // Generated regions (one per item) have no transitions between them: stacked by hand
      // inside their parallel state, so a bundle of many items stays narrow.
      const sizes = node.children.map((c) => {
        const lines = nodeLines(c, locale);
        return Math.max(textWidth(lines.title, FONT.title), textWidth(lines.detail, FONT.small)) + PAD_X * 2;
      });
      const inner = Math.max(width - 28, ...sizes);
      return { id: node.id, width: inner + 28, height: REGION_TOP + node.children.length * (REGION_H + REGION_GAP) + 6 };
    }
    if (node.children.length) {
      return {
        id: node.id,
        // Parallel regions stack downwards too: diagrams live in narrow panels.
        layoutOptions: { 'elk.padding': `[top=${LINE * 2 + 16},left=14,bottom=14,right=14]`, 'elk.direction': 'DOWN' },
        children: node.children.map(toElk),
        width,
        height: LINE * 2 + 16,
      };
    }
    return { id: node.id, width: Math.max(width, 96), height: LINE * 2 + 14 };
  };
  const edges: ElkExtendedEdge[] = model.edges.map((e) => {
    const lines = edgeLines(e, locale);
    return {
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      labels: lines.length ? [{ id: `${e.id}-label`, text: lines.join('\n'), width: Math.max(...lines.map((l) => textWidth(l, FONT.label))) + 8, height: lines.length * 14 + 4 }] : [],
    };
  });
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.edgeNode': '14',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children: model.nodes.map(toElk),
    edges,
  };
  const out = await engine.layout(graph);
  const index = new Map<string, DiagramNode>();
  const walk = (nodes: DiagramNode[]) => nodes.forEach((n) => (index.set(n.id, n), walk(n.children)));
  walk(model.nodes);
  const nodes: LaidNode[] = [];
  const collect = (children: ElkNode[] | undefined, depth: number) => {
    for (const c of children ?? []) {
      const node = index.get(c.id);
      if (node) nodes.push({ node, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0, depth, compound: node.children.length > 0 });
      if (node && !c.children?.length && node.children.length) {
        node.children.forEach((region, i) =>
          nodes.push({ node: region, x: (c.x ?? 0) + 14, y: (c.y ?? 0) + REGION_TOP + i * (REGION_H + REGION_GAP), width: (c.width ?? 0) - 28, height: REGION_H, depth: depth + 1, compound: false }),
        );
      }
      collect(c.children, depth + 1);
    }
  };
  collect(out.children, 0);
  const byId = new Map(model.edges.map((e) => [e.id, e]));
  const laidEdges: LaidEdge[] = [];
  const edgeSource = (node: ElkNode) => {
    for (const e of (node.edges ?? []) as ElkExtendedEdge[]) {
      const edge = byId.get(e.id);
      const section = e.sections?.[0];
      if (!edge || !section) continue;
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      const label = e.labels?.[0];
      laidEdges.push({
        edge,
        points,
        ...(label ? { label: { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0, lines: (label.text ?? '').split('\n') } } : {}),
      });
    }
    for (const c of node.children ?? []) edgeSource(c);
  };
  edgeSource(out);
  return { width: out.width ?? 0, height: out.height ?? 0, nodes, edges: laidEdges };
}
