import { describe, expect, it } from 'vitest';
import type { Json } from '@onething/engine';
import { flaggable, reviewModel } from '../src/model/review.js';
import { displayValue, fieldLabel } from '../src/model/schema.js';
import { composed, NEWBORN } from './fixtures.js';

const newborn = composed('newborn-birth');
const file = { sha256: 'a'.repeat(64), name: '母亲身份证.pdf', size: 2048, type: 'application/pdf' };
const model = () =>
  reviewModel(newborn, NEWBORN.answers, NEWBORN.data as Record<string, Json>, { 'mother-id-card': { files: [file] }, 'birth-medical-certificate': { eLicense: { type: 'birth-medical-certificate', number: 'O420012345' } } }, '2025-03-03');

describe('the application as staff read it', () => {
  it('shows the sections of the active items only, with the titles the applicant saw', () => {
    const m = model();
    expect([...m.active].sort()).toEqual(['birth-medical-certificate', 'vaccination-certificate']);
    expect(m.sections.map((s) => s.title['zh-CN'])).toEqual([
      '申请人',
      '新生儿',
      '母亲',
      '父亲',
      '证件领取',
      '联系方式',
      '出生医学证明首次签发：新生儿出生信息',
      '预防接种证办理：现居住地与联系方式',
      '预防接种证办理：出生时接种情况',
    ]);
    const child = m.sections.find((s) => s.id === 'child')!;
    expect(child.fields.map((f) => [f.title['zh-CN'], displayValue(f.schema, f.value, 'zh-CN')])).toContainEqual(['新生儿性别', '男']);
    expect(child.fields.map((f) => f.path)).not.toContain('child.ethnicity'); // asked only by the household registration, not active
  });

  it('answers the guidance questions with their titles and Yes/No', () => {
    const answers = model().answers.map((a) => [a.path, displayValue(a.schema, a.value, 'en')]);
    expect(answers).toEqual([
      ['bornInHubeiInstitution', 'Yes'],
      ['settleInHubei', 'No'],
      ['wantsSocialSecurityCard', 'No'],
    ]);
  });

  it('lists the materials asked for with what was provided: files, a referenced e-licence, or nothing', () => {
    const materials = model().materials.map((m) => [m.id, m.files.map((f) => f.name), m.eLicense?.number ?? null]);
    expect(materials).toContainEqual(['mother-id-card', ['母亲身份证.pdf'], null]);
    expect(materials).toContainEqual(['birth-medical-certificate', [], 'O420012345']);
    expect(materials.map(([id]) => id)).not.toContain('household-register');
  });

  it('lists an e-licence the applicant chose without its number as the e-licence (what the form records by default)', () => {
    const chosen = reviewModel(newborn, NEWBORN.answers, NEWBORN.data as Record<string, Json>, { 'birth-medical-certificate': { eLicense: { type: 'birth-medical-certificate' } } }, '2025-03-03');
    expect(chosen.materials.find((m) => m.id === 'birth-medical-certificate')).toMatchObject({ files: [], eLicense: { type: 'birth-medical-certificate' } });
  });

  it('names division codes when the names are loaded, and shows the code otherwise', () => {
    const schema = { type: 'string', format: 'division' } as const;
    expect(displayValue(schema, '420703', 'zh-CN', (c) => (c === '420703' ? '湖北省鄂州市华容区' : undefined))).toBe('湖北省鄂州市华容区（420703）');
    expect(displayValue(schema, '420703', 'en')).toBe('420703');
    expect(displayValue({ type: 'string' }, '', 'en')).toBe('—');
  });
});

describe('what a supplement request may flag', () => {
  it('lets the window flag anything, and an item only its own fields and materials — as the engine checks', () => {
    const window = flaggable(newborn, 'bundle');
    expect(window.fields('household.address')).toBe(true);
    expect(window.materials('household-register')).toBe(true);
    const health = flaggable(newborn, 'birth-medical-certificate');
    expect(health.fields('child.name')).toBe(true);
    expect(health.fields('birth-medical-certificate.birthWeightGrams')).toBe(true);
    expect(health.fields('vaccination-certificate.clinicName')).toBe(false);
    expect(health.materials('mother-id-card')).toBe(true);
    expect(health.materials('child-photo')).toBe(false);
    expect(health.fields('no.such.field')).toBe(false);
  });
});

describe('naming a field out of its form', () => {
  it('puts the group’s title in front unless the field’s title already says it', () => {
    expect(fieldLabel(newborn, 'mother.name', 'zh-CN')).toBe('母亲姓名');
    expect(fieldLabel(newborn, 'birth-medical-certificate.birthWeightGrams', 'zh-CN')).toBe('出生医学证明首次签发 · 出生体重（克）');
    expect(fieldLabel(newborn, 'mother.name', 'en')).toBe("Mother's name");
  });
});

describe('a department reviewer’s view', () => {
  it('keeps only what their item asks for: its fields and its materials', () => {
    const m = reviewModel(newborn, NEWBORN.answers, NEWBORN.data as Record<string, Json>, {}, '2025-03-03', ['vaccination-certificate']);
    expect(m.sections.map((s) => s.id)).toEqual(['child', 'mother', 'father', 'contact', 'vaccination-certificate/residence', 'vaccination-certificate/birth-doses']);
    expect(m.sections.flatMap((s) => s.fields.map((f) => f.path))).not.toContain('birth-medical-certificate.birthWeightGrams');
    expect(m.materials.map((x) => x.id)).toEqual(['mother-id-card', 'birth-medical-certificate']);
    expect(m.answers).toHaveLength(3);
  });
});

describe('lists', () => {
  it('reads a multiple choice as one value of option titles, and rows only for repeatable groups', () => {
    const restaurant = composed('open-restaurant');
    const m = reviewModel(restaurant, { hasBusinessLicence: true, premisesScale: 'small', wantsSignboard: false }, { 'food-business-licence': { businessItems: ['hot-food', 'cold-food'] } }, {}, '2025-03-03');
    const items = m.sections.flatMap((s) => s.fields).find((f) => f.path === 'food-business-licence.businessItems')!;
    expect(items.rows).toBeUndefined();
    expect(displayValue(items.schema, items.value, 'zh-CN')).toBe('热食类食品制售、冷食类食品制售');
  });
});
