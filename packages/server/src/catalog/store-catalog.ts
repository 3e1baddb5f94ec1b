import { load, type ApplicationFlow, type Registry } from '@onething/engine';
import type { Logger } from '../logging.js';
import type { Store } from '../store/port.js';
import type { DefinitionRecord } from '../store/types.js';
import type { BundleRuntime, Catalog } from './catalog.js';
import { buildRuntime, refKey } from './bundle-runtime.js';
import { flowFromStored } from './stored-flow.js';

/** The file name a stored definition gets in diagnostics. @example definitionPath(r) // 'item/birth@1.0.0.json' */
export function definitionPath(record: Pick<DefinitionRecord, 'kind' | 'id' | 'version'>): string {
  return `${record.kind}/${record.id}@${record.version}.json`;
}

/**
 * A catalog over the store: loads every published definition into an engine registry and
 * reloads after `invalidate()` or when `ttlMs` passed (to see another process's publish).
 * Runtimes are cached per registry generation. An application created on a flow the engine no
 * longer generates gets the flow stored under its hash (`Store.getFlow`).
 * @example const catalog = createStoreCatalog(store, { logger }); const runtime = await catalog.current('newborn-birth');
 */
export function createStoreCatalog(store: Store, options: { logger: Logger; ttlMs?: number }): Catalog {
  const ttl = options.ttlMs ?? 30_000;
  let generation: { registry: Promise<Registry>; at: number; runtimes: Map<string, BundleRuntime> } | undefined;

  const build = async (): Promise<Registry> => {
    const records = await store.listDefinitions({ status: 'published' });
    const { value, diagnostics } = load(records.map((r) => ({ path: definitionPath(r), content: r.body })));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) options.logger.warn({ diagnostics: errors.slice(0, 20).map((d) => `${d.file ?? ''}${d.pointer} ${d.code}`) }, 'published definitions have diagnostics');
    return value;
  };
  const current = () => {
    if (!generation || Date.now() - generation.at > ttl) {
      const registry = build();
      const made = { registry, at: Date.now(), runtimes: new Map<string, BundleRuntime>() };
      generation = made;
      registry.catch(() => {
        if (generation === made) generation = undefined;
      });
    }
    return generation;
  };
  // Stored flows by hash: immutable, so kept across registry generations (a few per bundle version).
  const flows = new Map<string, Promise<ApplicationFlow | undefined>>();
  const storedFlow = (hash: string, built: BundleRuntime): Promise<ApplicationFlow | undefined> => {
    let found = flows.get(hash);
    if (!found) {
      found = store.getFlow(hash).then((body) => {
        const flow = flowFromStored(body, hash, built.flow.calendar);
        if (body !== null && !flow) options.logger.error({ hash }, 'the stored flow is damaged; the application runs on the flow generated now');
        if (!flow || flow.definition.id !== built.ref.id || flow.definition.version !== built.ref.version) {
          flows.delete(hash); // not stored (yet), or not this bundle's: ask again next time
          return undefined;
        }
        return flow;
      });
      found.catch(() => flows.delete(hash));
      flows.set(hash, found);
    }
    return found;
  };
  const runtime = (runtimes: Map<string, BundleRuntime>, key: string, make: () => BundleRuntime) => {
    let found = runtimes.get(key);
    if (!found) runtimes.set(key, (found = make()));
    return found;
  };

  return {
    registry: () => current().registry,
    async current(bundleId, version) {
      const gen = current();
      const registry = await gen.registry;
      const loaded = registry.bundle(bundleId, version);
      if (!loaded) return null;
      return runtime(gen.runtimes, `${bundleId}@${loaded.definition.version}|*`, () => {
        const built = buildRuntime(loaded, registry, {});
        // Index it under its pinned key too, so applications created now find it.
        return runtime(gen.runtimes, refKey(built.ref), () => built);
      });
    },
    async pinned(bundle) {
      const ref = { id: bundle.id, version: bundle.version, items: bundle.items ?? {} };
      const hash = bundle.hash;
      const gen = current();
      const registry = await gen.registry;
      const loaded = registry.bundle(ref.id, ref.version);
      if (!loaded) return null;
      const built = runtime(gen.runtimes, refKey(ref), () => buildRuntime(loaded, registry, ref.items));
      if (hash === built.hash) return built;
      const flow = await storedFlow(hash, built);
      if (!flow) return built;
      return runtime(gen.runtimes, `${refKey(ref)}#${hash}`, () => ({ ...built, flow, hash }));
    },
    invalidate() {
      generation = undefined;
    },
  };
}
