import type { Registry } from '@onething/engine';

/**
 * The published definitions as the engine sees them: a registry loaded from the store,
 * composed bundles, their flows and validators — each built once per (id, version, hash)
 * and reused.
 */
export interface Catalog {
  /** The registry of every published definition. */
  registry(): Promise<Registry>;
  /** Drops what was built (after a publish); other processes reload within the TTL. */
  invalidate(): void;
}
