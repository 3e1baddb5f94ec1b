import { load, type Registry } from '@onething/engine';
import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import type { DefinitionRecord } from '../store/types.js';
import type { Catalog } from './catalog.js';

/** The file name a stored definition gets in diagnostics. @example definitionPath(r) // 'item/birth@1.0.0.json' */
export function definitionPath(record: Pick<DefinitionRecord, 'kind' | 'id' | 'version'>): string {
  return `${record.kind}/${record.id}@${record.version}.json`;
}

/**
 * A catalog over the store: loads every published definition into an engine registry and
 * reloads after `invalidate()` or when `ttlMs` passed (to see another process's publish).
 * @example const catalog = createStoreCatalog(store, { logger }); const registry = await catalog.registry();
 */
export function createStoreCatalog(store: Store, options: { logger: Logger; ttlMs?: number }): Catalog {
  let current: { registry: Promise<Registry>; at: number } | undefined;
  const ttl = options.ttlMs ?? 30_000;
  const build = async (): Promise<Registry> => {
    const records = await store.listDefinitions({ status: 'published' });
    const { value, diagnostics } = load(records.map((r) => ({ path: definitionPath(r), content: r.body })));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) options.logger.warn({ diagnostics: errors.slice(0, 20) }, 'published definitions have diagnostics');
    return value;
  };
  return {
    registry() {
      if (!current || Date.now() - current.at > ttl) {
        const registry = build();
        current = { registry, at: Date.now() };
        registry.catch(() => (current = undefined));
      }
      return current.registry;
    },
    invalidate() {
      current = undefined;
    },
  };
}
