import { html, nothing } from 'lit';
import { strings } from '../i18n/strings.js';
import { chainOf, divisionTree, type DivisionNode } from './division-tree.js';
import { selectOptions } from './options.js';
import type { WidgetContext, WidgetDescriptor } from './types.js';

const names = new WeakMap<readonly DivisionNode[], readonly string[]>();
const namesOf = (nodes: readonly DivisionNode[]) => {
  let list = names.get(nodes);
  if (!list) names.set(nodes, (list = nodes.map((n) => n.name)));
  return list;
};

const LEVELS = [strings.province, strings.prefecture, strings.county];

function levelSelect(c: WidgetContext, level: number, nodes: readonly DivisionNode[], selected?: DivisionNode) {
  const id = level === 0 ? c.id : `${c.id}-${level}`;
  return html`<div class="division-level">
    <label class="sub-label" for=${id}>${c.t(LEVELS[level]!)}</label>
    <select
      class="select"
      part="control"
      id=${id}
      name=${c.path}
      data-level=${level}
      ?required=${c.required}
      ?disabled=${c.readOnly || nodes.length === 0}
      aria-invalid=${c.invalid ? 'true' : 'false'}
    >${selectOptions(namesOf(nodes), c.t(strings.select), selected ? nodes.indexOf(selected) : -1)}</select>
  </div>`;
}

/**
 * Administrative division picker: province → prefecture → county from the shipped GB/T 2260 list,
 * loaded lazily the first time a picker renders. The value is the deepest chosen code.
 */
export const divisionWidget: WidgetDescriptor = {
  type: 'division',
  title: { 'zh-CN': '行政区划', en: 'Administrative division' },
  match: (schema) => (schema.format === 'division' ? 20 : 0),
  emptyValue: undefined,
  frame: 'fieldset',
  sanitize(raw, c, control) {
    const { tree } = divisionTree(() => c.refresh());
    const level = Number((control as HTMLElement).dataset.level ?? 0);
    const chain = tree ? chainOf(tree, typeof c.value === 'string' ? c.value : undefined) : [];
    const siblings = level === 0 ? tree : chain[level - 1]?.children;
    const picked = raw === '' ? undefined : siblings?.[Number(raw)];
    return picked?.id ?? chain[level - 1]?.id;
  },
  render(c) {
    const { tree, failed } = divisionTree(() => c.refresh());
    if (!tree) {
      return html`<p class="status" role="status">${c.t(failed ? strings.loadFailed : strings.loading)}</p>`;
    }
    const chain = chainOf(tree, typeof c.value === 'string' ? c.value : undefined);
    const prefectures = chain[0]?.children ?? [];
    const counties = chain[1]?.children ?? [];
    return html`<div class="division" part="division">
      ${levelSelect(c, 0, tree, chain[0])} ${levelSelect(c, 1, prefectures, chain[1])}
      ${counties.length || chain[1] ? levelSelect(c, 2, counties, chain[2]) : nothing}
    </div>`;
  },
};
