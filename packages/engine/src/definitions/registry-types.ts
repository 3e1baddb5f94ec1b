import type {
  BundleDefinition,
  Concept,
  ConceptDictionary,
  ELicenseType,
  ItemDefinition,
  OverlayDefinition,
} from './types.generated.js';

/** A definition as loaded: the parsed value, the file it came from and its content hash. */
export interface Loaded<T> {
  definition: T;
  file: string;
  /** sha-256 (hex) of the definition's canonical JSON (RFC 8785). */
  hash: string;
}

export interface LoadedConcept {
  id: string;
  concept: Concept;
  dictionary: string;
  file: string;
  /** JSON pointer of the concept inside its dictionary file. */
  pointer: string;
}

export interface LoadedELicense {
  id: string;
  type: ELicenseType;
  file: string;
  pointer: string;
}

/**
 * Every definition `load` accepted, indexed for lookup. Read-only: build a new one
 * with `load` to change it.
 */
export interface Registry {
  concepts: ReadonlyMap<string, LoadedConcept>;
  eLicenses: ReadonlyMap<string, LoadedELicense>;
  dictionaries: ReadonlyMap<string, Loaded<ConceptDictionary>>;
  /** id → version → item. */
  items: ReadonlyMap<string, ReadonlyMap<string, Loaded<ItemDefinition>>>;
  /** id → version → bundle. */
  bundles: ReadonlyMap<string, ReadonlyMap<string, Loaded<BundleDefinition>>>;
  /** id → version → overlay. */
  overlays: ReadonlyMap<string, ReadonlyMap<string, Loaded<OverlayDefinition>>>;
  /** The highest item version satisfying a semver range, if any. */
  resolveItem(id: string, range: string): Loaded<ItemDefinition> | undefined;
  /** A bundle at an exact version, or its highest version when `version` is absent. */
  bundle(id: string, version?: string): Loaded<BundleDefinition> | undefined;
}
