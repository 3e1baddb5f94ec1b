import { describe, expect, it } from 'vitest';
import { catalogEntries, workspaceOf } from '../src/model/workspace.js';
import { definitionsIn, EXAMPLES, exampleBundle, record } from './fixtures.js';

describe('the catalog', () => {
  const examples = definitionsIn(EXAMPLES).map((d) => record(d));

  it('lists the newest published version of each item and bundle, and bundles that are only drafts', () => {
    const v2 = { ...exampleBundle(), version: '2.0.0', items: exampleBundle().items.slice(1) };
    const v3draft = { ...exampleBundle(), version: '3.0.0' };
    const onlyDraft = { ...exampleBundle(), id: 'draft-only', version: '0.1.0' };
    const ws = workspaceOf([...examples, record(v2), record(v3draft, 'draft'), record(onlyDraft, 'draft')]);
    const bundles = catalogEntries(ws).filter((e) => e.kind === 'bundle').map((e) => [e.id, e.version, e.status, e.versions]);
    expect(bundles).toEqual([
      ['newborn-birth', '2.0.0', 'published', ['3.0.0', '2.0.0', '1.0.0']],
      ['open-restaurant', '1.0.0', 'published', ['1.0.0']],
      ['draft-only', '0.1.0', 'draft', ['0.1.0']],
    ]);
    expect(catalogEntries(ws).filter((e) => e.kind === 'item')).toHaveLength(9);
  });

  it('builds the registry from published versions only: a draft never composes', () => {
    const draftItem = { ...definitionsIn(EXAMPLES).find((d) => d.id === 'vaccination-certificate')!, version: '1.5.0' };
    const ws = workspaceOf([...examples, record(draftItem, 'draft')]);
    expect([...ws.registry.items.get('vaccination-certificate')!.keys()]).toEqual(['1.0.0']);
    expect(ws.diagnostics).toEqual([]);
  });
});
