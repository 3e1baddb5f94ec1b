import type { ComposedBundle, Locale, Metrics } from '@onething/engine';

const MEASURES = {
  trips: { 'zh-CN': '跑动次数', en: 'trips' },
  timeLimit: { 'zh-CN': '办理时限（天）', en: 'time limit (days)' },
  materials: { 'zh-CN': '申请材料', en: 'materials' },
  steps: { 'zh-CN': '办理环节', en: 'steps' },
  fields: { 'zh-CN': '填写字段', en: 'fields' },
} as const;

const WORDS = {
  'zh-CN': {
    items: '事项', active: '适用', inactive: '不适用', candidate: '候选（未提供情形答案）',
    merged: '合并字段（多个事项共用，只填一次）', none: '无', materials: '材料', exempt: '免提交',
    required: '必交', optional: '选交', metrics: '减环节、减时间、减材料、减跑动', measure: '指标',
    before: '单独办理', after: '一件事', change: '变化', fields: '字段', eLicense: '电子证照', conditional: '，视情形',
  },
  en: {
    items: 'Items', active: 'active', inactive: 'not active', candidate: 'candidate (no guidance answers given)',
    merged: 'Merged fields (asked once for several items)', none: 'none', materials: 'Materials', exempt: 'exempt',
    required: 'required', optional: 'optional', metrics: 'Reductions', measure: 'measure',
    before: 'separately', after: 'as one thing', change: 'change', fields: 'fields', eLicense: 'e-licence', conditional: ', when applicable',
  },
} as const;

/**
 * The human summary of `onething compose`: items (active or not), merged fields, materials
 * with the exempt ones marked, and the metrics as a Markdown table.
 * @example formatComposition(composed, metrics(composed), 'en')
 */
export function formatComposition(composed: ComposedBundle, metrics: Metrics, locale: Locale): string {
  const w = WORDS[locale];
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const out: string[] = [];
  const { bundle } = composed;
  out.push(`${bundle.title[locale]} (${bundle.id} ${bundle.version}) — ${bundle.lead.title[locale]}`, '');

  const active = composed.active === null ? null : new Set(composed.active);
  const activeCount = active === null ? composed.items.length : composed.items.filter((i) => active.has(i.id)).length;
  out.push(`${w.items} (${activeCount}/${composed.items.length})${colon.trimEnd()}`);
  for (const item of composed.items) {
    const state = active === null ? w.candidate : active.has(item.id) ? w.active : w.inactive;
    const mark = active === null || active.has(item.id) ? '✓' : '·';
    out.push(`  ${mark} ${item.id} ${item.version}  ${item.title[locale]} — ${item.department.title[locale]} [${state}]`);
  }

  const fields = Object.values(composed.fields);
  const merged = fields.filter((f) => f.kind === 'value' && f.items.length > 1);
  out.push('', `${w.merged}${colon}${merged.length} / ${fields.filter((f) => f.kind === 'value').length} ${w.fields}`);
  if (!merged.length) out.push(`  ${w.none}`);
  for (const field of merged) {
    const concept = field.concept && field.concept !== field.path ? ` (${field.concept})` : '';
    out.push(`  ${field.path}${concept}  ← ${field.items.join(', ')}`);
  }

  const exempt = composed.materials.filter((m) => m.exempt).length;
  out.push('', `${w.materials}${colon}${composed.materials.length} (${exempt} ${w.exempt})`);
  for (const material of composed.materials) {
    const tag = material.exempt ? w.exempt : material.required ? w.required : w.optional;
    const when = material.when !== undefined ? w.conditional : '';
    const licence = material.eLicense ? `  ${w.eLicense}${colon}${material.eLicense}` : '';
    out.push(`  [${tag}${when}] ${material.id}  ${material.title[locale]}${licence}  ← ${material.items.join(', ')}`);
  }

  out.push('', `${w.metrics}${colon.trimEnd()}`, '', `| ${w.measure} | ${w.before} | ${w.after} | ${w.change} |`, '| --- | ---: | ---: | ---: |');
  for (const name of ['trips', 'timeLimit', 'materials', 'steps', 'fields'] as const) {
    const { before, after, percent } = metrics[name];
    // `percent` is the cut, (before − after) / before × 100: a positive cut prints as a minus.
    const change = `${percent > 0 ? '−' : percent < 0 ? '+' : ''}${Math.abs(percent).toFixed(1)} %`;
    out.push(`| ${MEASURES[name][locale]} | ${before} | ${after} | ${change} |`);
  }
  return `${out.join('\n')}\n`;
}
