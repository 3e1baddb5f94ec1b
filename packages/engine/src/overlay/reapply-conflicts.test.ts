import { describe, expect, it } from 'vitest';
import type { ItemDefinition } from '../index.js';
import { hashDefinition } from '../index.js';
import { pinOverlay } from './pin.js';
import { adapt, concepts, disabilityCard, overlay, registryOf, SHIHE, t } from '../../test/fixtures/overlay.js';

const v1 = disabilityCard();
const written = { version: '1.0.0', hash: hashDefinition(v1) };
const patch = {
  title: t('残疾人证新办（浉河区）', 'New disability card (Shihe)'),
  limits: { promisedDays: 3 },
  ui: { rules: { note: { visible: true } } },
};
const shihe = overlay({ base: { kind: 'item', id: 'disability-card', version: '^1.0.0', writtenAgainst: written }, patch, remap: SHIHE });
const v11 = (change: (d: ItemDefinition) => void): ItemDefinition => {
  const next = structuredClone(v1);
  next.version = '1.1.0';
  change(next);
  return next;
};
const lines = (diagnostics: Array<{ code: string; pointer: string }>) => diagnostics.map((d) => `${d.code} ${d.pointer}`);

describe('re-applying an overlay when the base gets a new version', () => {
  it('takes the base’s changes the patch does not touch, and keeps the patch', () => {
    const next = v11((d) => void (d.limits.legalDays = 15));

    const { value, diagnostics } = adapt(shihe, registryOf([concepts, v1, next]));

    expect(lines(diagnostics)).toEqual([]);
    expect(value?.limits).toEqual({ legalDays: 15, promisedDays: 3, visits: 1 });
  });

  it('reports a conflict where the base changed what the patch changes', () => {
    const next = v11((d) => void (d.limits.promisedDays = 2));

    const { diagnostics } = adapt(shihe, registryOf([concepts, v1, next]));

    expect(diagnostics.map((d) => `${d.code} ${d.file}#${d.pointer}`)).toEqual(['overlay-conflict overlays/shihe.json#/patch/limits/promisedDays']);
    expect(diagnostics[0]!.related).toEqual([
      { file: 'items/disability-card@1.1.0.json', pointer: '/limits/promisedDays' },
      { file: 'items/disability-card@1.0.0.json', pointer: '/limits/promisedDays' },
    ]);
    expect(diagnostics[0]!.message.en).toMatchInlineSnapshot(`"The patch changes /limits/promisedDays, which the base also changed between 1.0.0 and 1.1.0; review the patch against the new base, then update base.writtenAgainst"`);
  });

  it('reports a conflict where the base removed an object the patch merges into', () => {
    const next = v11((d) => {
      delete d.ui!.rules;
    });

    const { diagnostics } = adapt(shihe, registryOf([concepts, v1, next]));

    expect(lines(diagnostics)).toEqual(['overlay-conflict /patch/ui/rules']);
  });

  it('reports a conflict where both changed the same text', () => {
    const next = v11((d) => void (d.title.en = 'New disability card'));

    const { diagnostics } = adapt(shihe, registryOf([concepts, v1, next]));

    expect(lines(diagnostics)).toEqual(['overlay-conflict /patch/title/en']);
  });

  it('reports a conflict where both added the same member', () => {
    const described = overlay({ ...shihe, patch: { description: t('浉河区说明', 'Shihe notes') } });
    const next = v11((d) => void (d.description = t('新说明', 'New notes')));

    const { diagnostics } = adapt(described, registryOf([concepts, v1, next]));

    expect(lines(diagnostics)).toEqual(['overlay-conflict /patch/description']);
  });

  it('refuses to guess when the version it was written against is not loaded', () => {
    const next = v11((d) => void (d.limits.legalDays = 15));

    const { diagnostics } = adapt(shihe, registryOf([concepts, next]));

    expect(lines(diagnostics)).toEqual(['overlay-base-unavailable /base/writtenAgainst']);
    expect(diagnostics[0]!.message.en).toContain('was written against version 1.0.0');
  });

  it('refuses to guess when the base changed without a new version', () => {
    const changed = structuredClone(v1);
    changed.limits.promisedDays = 2;

    const { diagnostics } = adapt(shihe, registryOf([concepts, changed]));

    expect(lines(diagnostics)).toEqual(['overlay-base-unavailable /base/writtenAgainst']);
  });

  it('checks against an original passed in when the registry does not hold it', () => {
    const next = v11((d) => void (d.limits.promisedDays = 2));
    const original = { definition: v1, file: 'archive/disability-card@1.0.0.json', hash: hashDefinition(v1) };

    const { diagnostics } = adapt(shihe, registryOf([concepts, next]), { original });

    expect(lines(diagnostics)).toEqual(['overlay-conflict /patch/limits/promisedDays']);
  });

  it('warns that an overlay without base.writtenAgainst cannot be checked later, and pinOverlay records it', () => {
    const registry = registryOf([concepts, v1]);
    const unpinned = overlay({ patch, remap: SHIHE });

    expect(lines(adapt(unpinned, registry).diagnostics)).toEqual(['overlay-base-unpinned /base']);
    const again = pinOverlay(unpinned, registry.resolveItem('disability-card', '1.0.0')!);
    expect(again.base.writtenAgainst).toEqual(written);
    expect(lines(adapt(again, registry).diagnostics)).toEqual([]);
  });
});
