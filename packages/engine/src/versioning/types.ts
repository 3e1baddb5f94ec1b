import type { Diagnostic } from '../diagnostics/types.js';
import type { Text } from '../text.js';

/** A semver part: what a change needs bumped, or what a new version bumps. */
export type BumpLevel = 'major' | 'minor' | 'patch';

/** What kind of difference a change is. */
export type ChangeKind =
  | 'field-removed'
  | 'field-added'
  | 'type-narrowed'
  | 'type-widened'
  | 'enum-narrowed'
  | 'enum-widened'
  | 'constraint-tightened'
  | 'constraint-loosened'
  | 'required-added'
  | 'required-removed'
  | 'concept-rebound'
  | 'item-removed'
  | 'item-added'
  | 'item-changed'
  | 'material-required'
  | 'material-narrowed'
  | 'material-removed'
  | 'material-added'
  | 'state-removed'
  | 'state-added'
  | 'concept-removed'
  | 'concept-added'
  | 'base-changed'
  | 'content-changed';

/** One difference between two versions of a definition and the bump it needs. */
export interface VersionChange {
  kind: ChangeKind;
  level: BumpLevel;
  /** JSON pointer into the newer definition (or the older one for removals). */
  pointer: string;
  message: Text;
}

/** The verdict on a new version of a definition. */
export interface VersionCheck {
  /** True when the new version is greater and bumps at least `required`. */
  ok: boolean;
  /** The smallest bump the changes need. */
  required: BumpLevel;
  /** The bump the version numbers make; null when the new version is not greater. */
  actual: BumpLevel | null;
  changes: VersionChange[];
  /** Why it is not ok (empty when ok). */
  diagnostics: Diagnostic[];
}
