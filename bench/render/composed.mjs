// The render bench's generated form (spec.mjs of ../shared/bench/render) as a composed onething
// bundle: one item ("bench") asking for every field, one section per block of ten fields, the
// conditional tenth field of each block as a `visible` rule. Used at run time by the adapter
// (onething.mjs) and ahead of time by prepare.mjs, which compiles the same schema's validator.

const text = (s) => ({ 'zh-CN': s, en: s });

/**
 * @param {{ fields: Array<{ key: string, type: string, label: string, required?: boolean, pattern?: string,
 *   min?: number, max?: number, options?: Array<{ value: string, label: string }>, showIf?: string }> }} spec
 * @returns the ComposedBundle (packages/engine/src/compose/types.ts) of the spec
 */
export function toComposed(spec) {
  const properties = {};
  const fields = {};
  const uiFields = {};
  const rules = {};
  const sections = [];
  for (const [i, f] of spec.fields.entries()) {
    const schema = { type: { number: 'number', checkbox: 'boolean' }[f.type] ?? 'string', 'x-title': text(f.label) };
    if (f.pattern) schema.pattern = f.pattern;
    if (f.type === 'email' || f.type === 'date') schema.format = f.type;
    if (f.type === 'number') Object.assign(schema, { minimum: f.min, maximum: f.max });
    if (f.type === 'select') {
      schema.enum = f.options.map((o) => o.value);
      schema['x-enumTitles'] = Object.fromEntries(f.options.map((o) => [o.value, text(o.label)]));
    }
    if (f.type === 'textarea') uiFields[f.key] = { widget: 'textarea' };
    properties[f.key] = schema;
    fields[f.key] = {
      path: f.key,
      kind: 'value',
      items: ['bench'],
      requiredBy: f.required ? ['bench'] : [],
      pii: 'none',
      sources: [{ item: 'bench', pointer: `/schema/properties/${f.key}` }],
    };
    if (f.showIf) rules[f.key] = { visible: { '!!': [{ var: f.showIf }] } };
    if (i % 10 === 0) sections.push({ id: `block-${i / 10 + 1}`, title: text(`Block ${i / 10 + 1}`), fields: [], items: ['bench'] });
    sections.at(-1).fields.push(f.key);
  }
  const limits = { legalDays: 20, promisedDays: 10, visits: 1 };
  return {
    format: 'onething.composed/1',
    bundle: {
      id: 'render-bench',
      version: '1.0.0',
      hash: '0'.repeat(64),
      title: text(`Application (${spec.fields.length} fields)`),
      region: '420703',
      lead: { id: 'bench', title: text('Bench') },
      limits: { visits: 1, acceptDays: 1, days: 'working' },
    },
    questions: { type: 'object', properties: {} },
    questionsUi: { layout: 'sections', sections: [], fields: {} },
    items: [
      {
        id: 'bench',
        version: '1.0.0',
        hash: '0'.repeat(64),
        title: text('Application'),
        department: { id: 'bench', title: text('Bench') },
        region: '420703',
        limits,
        steps: [{ id: 'accept', kind: 'accept', title: text('Accept') }],
      },
    ],
    schema: { type: 'object', properties, additionalProperties: false },
    fields,
    ui: { layout: 'sections', sections, fields: uiFields },
    rules,
    materials: [],
    projection: { bench: Object.keys(properties).map((k) => ({ from: k, to: k })) },
    active: null,
  };
}

/** FNV-1a of a string (hex): the adapter checks that a precompiled validator was made for this very schema. */
export function fingerprint(value) {
  const s = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}
