import { describe, expect, it } from 'vitest';
import type { Json } from '@onething/engine';
import { checkCandidate, planPublish } from '../src/model/versioning.js';
import { exampleBundle } from './fixtures.js';

const v1 = exampleBundle();
const published = [{ version: '1.0.0', body: v1 as unknown as Json }];

describe('planning a publish', () => {
  it('suggests the draft’s own version when nothing was published before', () => {
    expect(planPublish([], { ...v1, version: '0.1.0' })).toEqual({ previous: null, changes: [], required: null, suggested: '0.1.0' });
  });

  it('asks for a major version when an item is removed from the bundle, and lists why', () => {
    const draft = { ...v1, items: v1.items.filter((i) => i.item !== 'social-security-card') };
    const plan = planPublish(published, draft);
    expect(plan).toMatchObject({ previous: '1.0.0', required: 'major', suggested: '2.0.0' });
    expect(plan.changes.map((c) => [c.kind, c.level, c.message.en])).toEqual([['item-removed', 'major', 'Item "social-security-card" was removed from the bundle']]);
    expect(checkCandidate(published, draft, '1.1.0')?.ok).toBe(false);
    expect(checkCandidate(published, draft, '2.0.0')?.ok).toBe(true);
  });

  it('asks for a minor version for a new question, a patch for a changed title', () => {
    const withQuestion = structuredClone(v1);
    withQuestion.questions.properties!['wantsPrintedCertificate'] = { type: 'boolean', 'x-title': { 'zh-CN': '是否需要纸质证明？', en: 'A printed certificate?' } } as never;
    expect(planPublish(published, withQuestion).suggested).toBe('1.1.0');
    const retitled = { ...v1, title: { 'zh-CN': '新生儿出生一件事', en: 'Newborn birth' } };
    expect(planPublish(published, retitled)).toMatchObject({ required: 'patch', suggested: '1.0.1' });
  });

  it('compares a candidate with the highest published version below it', () => {
    const v2 = { ...v1, version: '2.0.0', items: v1.items.slice(1) } as unknown as Json;
    const both = [...published, { version: '2.0.0', body: v2 }];
    expect(planPublish(both, v1).previous).toBe('2.0.0');
    expect(checkCandidate(both, { ...v1, title: { 'zh-CN': 'x', en: 'x' } }, '1.0.1')?.ok).toBe(true);
    expect(checkCandidate(both, v1, 'not-a-version')).toBeNull();
  });
});
