// The bundles of the form-elements tests: the examples (composed by the shared helpers in
// examples/testing) and a small fixture for what the examples don't have.
import { compose, load, type ComposedBundle } from '@onething/engine';

export { composeExample, validatorSource } from '../../../examples/testing/examples.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * A small bundle for what the examples don't have: a repeatable group (household members) and,
 * optionally, a hostile title, to check that labels render as text.
 * @example composeFixture({ title: '<img src=x onerror=alert(1)>' })
 */
export function composeFixture(options: { title?: string } = {}): ComposedBundle {
  const label = options.title ?? '申请人姓名';
  const item = {
    kind: 'item',
    id: 'household-members',
    version: '1.0.0',
    title: t('家庭成员登记', 'Household members'),
    department: { id: 'civil-affairs', title: t('民政局', 'Civil affairs bureau') },
    region: '420703',
    limits: { legalDays: 20, promisedDays: 5, visits: 1 },
    steps: [{ id: 'accept', kind: 'accept', title: t('受理', 'Accept') }],
    materials: [
      {
        id: 'tenancy',
        title: t('租赁合同', 'Tenancy agreement'),
        required: true,
        accept: ['application/pdf', 'image/jpeg'],
        maxBytes: 1024,
        maxFiles: 2,
      },
      {
        id: 'id-card',
        title: t('身份证', 'ID card'),
        required: true,
        eLicense: 'resident-id-card',
        accept: ['application/pdf', 'image/jpeg'],
        maxBytes: 1048576,
      },
    ],
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string', 'x-title': t(label, label), minLength: 2, maxLength: 30 },
        idNumber: { type: 'string', format: 'resident-id', 'x-title': t('公民身份号码', 'Citizen ID number') },
        birthDate: { type: 'string', format: 'date', 'x-title': t('出生日期', 'Date of birth') },
        sex: { type: 'string', enum: ['1', '2'], 'x-enumTitles': { '1': t('男', 'Male'), '2': t('女', 'Female') }, 'x-title': t('性别', 'Sex') },
        division: { type: 'string', format: 'division', 'x-title': t('户籍地', 'Place of registration') },
        address: {
          type: 'object',
          'x-title': t('现住址', 'Current address'),
          properties: {
            street: { type: 'string', 'x-title': t('街道门牌', 'Street and number') },
            postcode: { type: 'string', pattern: '^[0-9]{6}$', 'x-title': t('邮政编码', 'Postcode') },
          },
          additionalProperties: false,
        },
        members: {
          type: 'array',
          'x-title': t('共同居住成员', 'Household members'),
          minItems: 1,
          maxItems: 3,
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 2, 'x-title': t('姓名', 'Name') },
              relationship: {
                type: 'string',
                enum: ['spouse', 'child', 'parent'],
                'x-enumTitles': { spouse: t('配偶', 'Spouse'), child: t('子女', 'Child'), parent: t('父母', 'Parent') },
                'x-title': t('关系', 'Relationship'),
              },
            },
            required: ['name', 'relationship'],
            additionalProperties: false,
          },
        },
      },
      required: ['name', 'idNumber', 'members'],
      additionalProperties: false,
    },
    ui: {
      sections: [
        { id: 'applicant', title: t(label, label), fields: ['name', 'idNumber', 'birthDate', 'sex', 'division'] },
        { id: 'household', title: t('家庭成员', 'Household'), fields: ['address', 'members'] },
      ],
      fields: { name: { help: t(label, label) } },
    },
    flow: {
      initial: 'review',
      states: {
        review: { on: { APPROVE: { target: 'done', meta: { roles: ['reviewer'] } } } },
        done: { type: 'final', meta: { outcome: 'approved' } },
      },
    },
  };
  const bundle = {
    kind: 'bundle',
    id: 'household-members',
    version: '1.0.0',
    title: t('家庭成员登记', 'Household members'),
    region: '420703',
    lead: { id: 'window', title: t('综合窗口', 'Comprehensive window') },
    questions: { type: 'object', properties: {} },
    items: [{ item: 'household-members', version: '^1.0.0' }],
  };
  const concepts = {
    kind: 'concepts',
    id: 'fixture-concepts',
    version: '1.0.0',
    eLicenses: { 'resident-id-card': { title: t('居民身份证', 'Resident ID card'), issuer: t('公安机关', 'Police'), holder: 'person' } },
    concepts: {},
  };
  const { value: registry, diagnostics: loaded } = load(
    [item, bundle, concepts].map((d) => ({ path: `${d.kind}-${d.id}.json`, content: JSON.stringify(d) })),
  );
  const { value, diagnostics } = compose(registry.bundle('household-members')!.definition, registry);
  const errors = [...loaded, ...diagnostics].filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`composing the fixture: ${errors.map((d) => `${d.code} ${d.pointer}`).join(', ')}`);
  return value;
}
