import semver from 'semver';
import type { Registry, Loaded, LoadedConcept, LoadedELicense } from './registry-types.js';
import type { BundleDefinition, ConceptDictionary, ItemDefinition, OverlayDefinition } from './types.generated.js';

/** Definitions that failed their meta-schema, so lint can stay quiet about references to them. */
export interface Rejected {
  items: Set<string>;
  bundles: Set<string>;
  concepts: Set<string>;
  eLicenses: Set<string>;
}

const rejectedByRegistry = new WeakMap<Registry, Rejected>();

/**
 * Ids named by files `load` rejected (their meta-schema failed). A reference to one of
 * them is already explained by that file's diagnostics, so lint does not repeat it.
 * @example rejectedIds(registry).items.has('birth-certificate')
 */
export function rejectedIds(registry: Registry): Rejected {
  return rejectedByRegistry.get(registry) ?? { items: new Set(), bundles: new Set(), concepts: new Set(), eLicenses: new Set() };
}

type Versions<T> = Map<string, Map<string, Loaded<T>>>;

/** The mutable side of a registry while `load` fills it. */
export interface RegistryBuilder {
  registry: Registry;
  rejected: Rejected;
  /** Adds a definition; returns the file that already holds the same id and version, if any. */
  add(kind: 'item' | 'bundle' | 'overlay' | 'concepts', loaded: Loaded<any>): string | undefined;
  /** Adds a concept; returns the earlier definition's file if the id is taken. */
  addConcept(concept: LoadedConcept): string | undefined;
  addELicense(type: LoadedELicense): string | undefined;
}

/**
 * Creates an empty registry and the functions that fill it.
 * @example const { registry, add } = createRegistryBuilder(); add('item', loaded)
 */
export function createRegistryBuilder(): RegistryBuilder {
  const items: Versions<ItemDefinition> = new Map();
  const bundles: Versions<BundleDefinition> = new Map();
  const overlays: Versions<OverlayDefinition> = new Map();
  const dictionaries: Versions<ConceptDictionary> = new Map();
  const concepts = new Map<string, LoadedConcept>();
  const eLicenses = new Map<string, LoadedELicense>();
  const flatDictionaries = new Map<string, Loaded<ConceptDictionary>>();

  const registry: Registry = {
    concepts,
    eLicenses,
    dictionaries: flatDictionaries,
    items,
    bundles,
    overlays,
    resolveItem(id, range) {
      const versions = items.get(id);
      if (!versions || typeof range !== 'string') return undefined;
      const best = semver.maxSatisfying([...versions.keys()], range);
      return best === null ? undefined : versions.get(best);
    },
    bundle(id, version) {
      const versions = bundles.get(id);
      if (!versions) return undefined;
      if (version !== undefined) return versions.get(version);
      const highest = [...versions.keys()].sort(semver.rcompare)[0];
      return highest === undefined ? undefined : versions.get(highest);
    },
  };
  const rejected: Rejected = { items: new Set(), bundles: new Set(), concepts: new Set(), eLicenses: new Set() };
  rejectedByRegistry.set(registry, rejected);
  const maps = { item: items, bundle: bundles, overlay: overlays, concepts: dictionaries } as const;

  return {
    registry,
    rejected,
    add(kind, loaded) {
      const { id, version } = loaded.definition as { id: string; version: string };
      const versions = maps[kind].get(id) ?? new Map<string, Loaded<any>>();
      const existing = versions.get(version);
      if (existing) return existing.file;
      versions.set(version, loaded);
      maps[kind].set(id, versions);
      if (kind === 'concepts') flatDictionaries.set(versions.size === 1 ? id : `${id}@${version}`, loaded);
      return undefined;
    },
    addConcept(concept) {
      const existing = concepts.get(concept.id);
      if (existing) return existing.file;
      concepts.set(concept.id, concept);
      return undefined;
    },
    addELicense(type) {
      const existing = eLicenses.get(type.id);
      if (existing) return existing.file;
      eLicenses.set(type.id, type);
      return undefined;
    },
  };
}
