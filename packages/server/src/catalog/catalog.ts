import type { ApplicationFlow, BundleDefinition, ComposedBundle, Loaded, Registry, ShapeValidator } from '@onething/engine';

/** Which bundle an application runs on: the bundle version and the item versions it resolved to. */
/** What an application records of the definitions it runs on (`ApplicationRecord['bundle']`). */
export interface PinnedBundle {
  id: string;
  version: string;
  /** The flow's hash when the application was created. */
  hash: string;
  items?: Record<string, string>;
}

export interface BundleRef {
  id: string;
  version: string;
  /** Item id → the exact item version, pinned when the application was created. */
  items: Record<string, string>;
}

/**
 * Everything the server needs to serve and run one bundle version with pinned items:
 * the composed form, its ETag, the flow and the validators. Built once, reused.
 */
export interface BundleRuntime {
  ref: BundleRef;
  loaded: Loaded<BundleDefinition>;
  composed: ComposedBundle;
  /** Strong ETag of the composed JSON. */
  etag: string;
  flow: ApplicationFlow;
  /** The flow's definition hash (bundle, items and generator): the application's immutable hash. */
  hash: string;
  validateShape: ShapeValidator;
  validateAnswers: ShapeValidator;
  /** The standalone validator ES module (compiled on first use). */
  validatorModule(): string;
}

/**
 * The published definitions as the engine sees them: a registry loaded from the store,
 * and bundle runtimes built once per (bundle version, pinned items) and reused.
 */
export interface Catalog {
  /** The registry of every published definition. */
  registry(): Promise<Registry>;
  /** The runtime for a new application: the bundle at `version` (default: highest), items resolved now. */
  current(bundleId: string, version?: string): Promise<BundleRuntime | null>;
  /**
   * The runtime an existing application runs on (`application.bundle`): its pinned versions and
   * the flow it was created with — the flow stored under its `hash` when the engine now generates
   * another one (an engine upgrade); with no such flow stored, the one generated now.
   */
  pinned(bundle: PinnedBundle): Promise<BundleRuntime | null>;
  /** Drops what was built (after a publish); other processes reload within the TTL. */
  invalidate(): void;
}

/** Why a runtime could not be built. */
export class CatalogError extends Error {
  constructor(
    message: string,
    readonly diagnostics: unknown[] = [],
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}
