import { describe, expect, it } from 'vitest';
import { createApplicationFlow } from '../../src/flow/create.js';
import { step } from '../../src/flow/step.js';
import type { ItemDefinition } from '../../src/definitions/types.generated.js';
import { actors, bundleDefinition, composedOf, fixtureFlow, items, ok, refused, registryOf, run, TO_ACCEPTANCE } from './fixtures.js';

const AT = '2025-03-05T02:00:00.000Z';
const v1 = fixtureFlow('1.0.0').flow;

describe('snapshots record the definition they belong to', () => {
  it('and say so', () => {
    const s = run(v1, TO_ACCEPTANCE).snapshot;
    expect(s.definition).toEqual({ id: 'newborn', version: '1.0.0', hash: v1.definition.hash });
  });

  it('restoring into another version is refused when it declares no migration', () => {
    const s = run(v1, TO_ACCEPTANCE).snapshot;
    const v2 = fixtureFlow('2.0.0').flow;
    expect(refused(step(v2, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT))).toMatchInlineSnapshot(`
      {
        "code": "version-mismatch",
        "details": {
          "flow": "newborn@2.0.0",
          "snapshot": "newborn@1.0.0",
        },
        "message": {
          "en": "The application belongs to version newborn@1.0.0; the flow is version newborn@2.0.0 and declares no migration from it",
          "zh-CN": "办件属于版本 newborn@1.0.0，当前流程版本为 newborn@2.0.0，且未声明迁移",
        },
      }
    `);
  });

  it('restoring into a changed definition under the same version is refused too', () => {
    const s = run(v1, TO_ACCEPTANCE).snapshot;
    const edited = fixtureFlow('1.0.0', { supplement: { maxRounds: 5 } }).flow;
    expect(edited.definition.hash).not.toBe(v1.definition.hash);
    expect(refused(step(edited, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT)).code).toBe('version-mismatch');
  });

  it('a version that declares a migration from the snapshot’s version takes it over', () => {
    const s = run(v1, TO_ACCEPTANCE).snapshot;
    const v2 = fixtureFlow('2.0.0', { migrations: ['^1.0.0'] }).flow;
    const r = ok(step(v2, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT));
    expect(r.snapshot.definition).toEqual(v2.definition);
    expect(r.snapshot.value).toMatchObject({ processing: { 'birth-cert': 'approved' } });
    expect(refused(step(fixtureFlow('3.0.0', { migrations: ['^2.0.0'] }).flow, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT)).code).toBe(
      'version-mismatch',
    );
  });

  it('a declared migration still fails when the application’s state no longer exists', () => {
    const s = run(v1, TO_ACCEPTANCE).snapshot; // birth-cert is in `review`
    const renamed: ItemDefinition = structuredClone(items['birth-cert']);
    renamed.version = '1.1.0';
    renamed.flow.states.check = renamed.flow.states.review;
    delete renamed.flow.states.review;
    (renamed.flow.states.waiting!.on!.SUPPLEMENT as { target: string }).target = 'check';
    renamed.flow.initial = 'check';
    const bundle = bundleDefinition('2.0.0', { migrations: ['^1.0.0'] });
    const registry = registryOf([...Object.values(items), renamed], [bundle]);
    const composed = composedOf(bundle);
    composed.items[0] = { ...composed.items[0]!, version: '1.1.0' };
    const v2 = createApplicationFlow(composed, registry).value!;
    expect(refused(step(v2, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT))).toMatchObject({ code: 'migration-failed' });
  });

  it('a flow survives JSON and still steps the same way', () => {
    const s = run(v1, TO_ACCEPTANCE).snapshot;
    const copy = JSON.parse(JSON.stringify(v1)) as typeof v1;
    expect(ok(step(copy, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT))).toEqual(ok(step(v1, s, { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT)));
  });
});
