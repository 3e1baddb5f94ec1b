// Test data: the example definitions (and two items whose shared field contradicts) as the
// records the server would return, so model tests run without a server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashDefinition, type BundleDefinition, type Json } from '@onething/engine';
import type { DefinitionRecord } from '../src/api/client.js';
import { workspaceOf, type Workspace } from '../src/model/workspace.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLES = join(ROOT, 'examples/definitions');
export const CONFLICT = fileURLToPath(new URL('./fixtures/conflict/', import.meta.url));

/** Every `.json` under a folder, parsed. */
export function definitionsIn(dir: string): Array<Record<string, Json> & { kind: string; id: string; version: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** A published record of a definition, as the server lists it. */
export function record(body: { kind: string; id: string; version: string }, status: 'draft' | 'published' = 'published'): DefinitionRecord {
  return {
    kind: body.kind as DefinitionRecord['kind'],
    id: body.id,
    version: body.version,
    status,
    body: body as unknown as Json,
    hash: hashDefinition(body),
    revision: 1,
    createdAt: '2025-03-03T00:00:00.000Z',
    updatedAt: '2025-03-03T00:00:00.000Z',
    publishedAt: status === 'published' ? '2025-03-03T00:00:00.000Z' : null,
    createdBy: 'test',
    publishedBy: status === 'published' ? 'test' : null,
  };
}

/** The examples plus the conflicting pair, all published. */
export function exampleWorkspace(): Workspace {
  return workspaceOf([...definitionsIn(EXAMPLES), ...definitionsIn(CONFLICT)].map((d) => record(d)));
}

/** A copy of an example bundle. */
export function exampleBundle(id = 'newborn-birth'): BundleDefinition {
  return structuredClone(definitionsIn(join(EXAMPLES, 'bundles')).find((b) => b.id === id)) as unknown as BundleDefinition;
}

/** A new bundle with the given items (always active), in the examples' region. */
export function newBundle(items: string[]): BundleDefinition {
  return {
    kind: 'bundle',
    id: 'test-bundle',
    version: '1.0.0',
    title: { 'zh-CN': '测试组合', en: 'Test bundle' },
    region: '420703',
    lead: { id: 'huarong-service-centre', title: { 'zh-CN': '综合窗口', en: 'Comprehensive window' } },
    limits: { visits: 0, acceptDays: 1 },
    questions: { type: 'object', properties: {} },
    items: items.map((item) => ({ item, version: '^1.0.0' })),
  } as BundleDefinition;
}
