import type { Json, JsonSchema, Rule } from '../json.js';
import type {
  BundleLimits,
  Department,
  FieldRules,
  ItemLimits,
  Step,
  Text,
  UiField,
} from '../definitions/types.generated.js';

/**
 * A bundle composed into one form: the contract between the engine, the server (which
 * serves it with an ETag), `<ot-form>` and the SDK. Plain JSON — safe to serialise,
 * cache and send to a browser.
 *
 * Bundle data shape: a concept-bound field lives at its concept path (`mother.name`);
 * a field bound to no concept lives under its item's id (`birth-medical-certificate.birthWeightGrams`).
 * See docs/architecture.md, "Composition".
 */
export interface ComposedBundle {
  format: 'onething.composed/1';
  bundle: ComposedBundleHeader;
  /** JSON Schema of the situational-guidance answers (properties carry `x-title`, `x-enumTitles`). */
  questions: JsonSchema;
  /** Presentation of the questions (order, widgets). */
  questionsUi: ComposedUi;
  /** Rules on the questions (`visible`, `required`) over the answers, from the bundle's `questionsUi.rules`. */
  questionRules?: Record<string, FieldRules>;
  /** Every candidate item, in bundle order, whether or not it is active. */
  items: ComposedItem[];
  /**
   * The merged JSON Schema (2020-12) of the bundle data: the **shape**. Objects outside
   * arrays carry no `required` — requiredness is dynamic and comes from `fields[*].requiredBy`
   * and `rules[*].required` (docs/architecture.md, "Requiredness is dynamic"). Every property
   * carries `x-title` (resolved from its concept or item) and, when bound, `x-concept`.
   */
  schema: JsonSchema;
  /** Every field of the merged form, keyed by its bundle-data path. Groups (objects) included. */
  fields: Record<string, ComposedField>;
  /** Sections and widget hints, in bundle-data paths. */
  ui: ComposedUi;
  /** Field rules (visible, required, value), rewritten to bundle-data paths. */
  rules: Record<string, FieldRules>;
  /** De-duplicated materials of all candidate items. */
  materials: ComposedMaterial[];
  /** Per item: how bundle-data paths map to the item's own data paths. */
  projection: Record<string, ProjectionEntry[]>;
  /** Item ids active for the answers `compose` was given; `null` when composed without answers. */
  active: string[] | null;
}

export interface ComposedBundleHeader {
  id: string;
  version: string;
  /** sha-256 (hex) of the bundle definition's canonical JSON (RFC 8785). */
  hash: string;
  title: Text;
  description?: Text;
  region: string;
  lead: Department;
  limits: Required<BundleLimits>;
}

export interface ComposedItem {
  id: string;
  version: string;
  /** sha-256 (hex) of the item definition's canonical JSON. */
  hash: string;
  title: Text;
  description?: Text;
  department: Department;
  region: string;
  limits: ItemLimits;
  steps: Step[];
  /** The bundle's condition over the guidance answers; absent: always active. */
  when?: Rule;
}

export interface ComposedField {
  /** Dotted bundle-data path, e.g. `mother.name`. */
  path: string;
  /** `value` for leaves, `group` for nested objects, `list` for arrays (repeatable groups). */
  kind: 'value' | 'group' | 'list';
  concept?: string;
  /** Items that ask for this field (it is visible only while one of them is active). */
  items: string[];
  /** Items whose own schema requires it (it is required while one of them is active and it is visible). */
  requiredBy: string[];
  pii: 'none' | 'personal' | 'sensitive';
  /** Where it comes from: each item and the JSON pointer of the property in that item's definition. */
  sources: Array<{ item: string; pointer: string }>;
  /** E-licence types that can supply the value (from the concept), for prefill. */
  eLicenses?: string[];
}

export interface ComposedUi {
  layout: 'sections' | 'wizard';
  sections: ComposedSection[];
  fields: Record<string, UiField>;
}

export interface ComposedSection {
  id: string;
  title: Text;
  description?: Text;
  /** Bundle-data paths, in order. */
  fields: string[];
  /** The items whose fields this section shows; a section with none of them active is hidden. */
  items: string[];
}

export interface ComposedMaterial {
  id: string;
  title: Text;
  description?: Text;
  /** Required by at least one item that asks for it. */
  required: boolean;
  /** The items that require it: it is required while one of them is active (and it is asked). */
  requiredBy?: string[];
  /** Rule over bundle data (rewritten from the item's own paths); absent: always asked. */
  when?: Rule;
  /** E-licence type that can be referenced instead of an upload. */
  eLicense?: string;
  /** True when an e-licence can replace the upload (免提交). */
  exempt: boolean;
  accept: string[];
  maxBytes: number;
  maxFiles: number;
  /** Items that ask for it. */
  items: string[];
  /** Material ids of the items that were merged into this one (for projection of uploads). */
  merged: Array<{ item: string; material: string }>;
}

export interface ProjectionEntry {
  /** Dotted path in the bundle data. */
  from: string;
  /** Dotted path in the item's data. */
  to: string;
  /**
   * `group`: an object the item's schema requires. `project` creates it (empty) when none of
   * its fields has a value, so the item's data still has it; `unproject` skips it.
   * Absent: a value or a list, copied both ways.
   */
  kind?: 'group';
}

/** A submission of a composed bundle. */
export interface Submission {
  answers: Record<string, Json>;
  data: Record<string, Json>;
  materials?: Record<string, MaterialValue>;
}

/**
 * What the applicant provided for one material: uploaded files, or the e-licence they chose
 * instead (免提交). `number` is the licence's number when the applicant or the portal knows it;
 * without it the department retrieves the applicant's licence of that type itself.
 * @example { eLicense: { type: 'resident-id-card' } } // "use my e-licence", number not known
 */
export type MaterialValue =
  | { files: Array<{ sha256: string; name: string; size: number; type: string }> }
  | { eLicense: { type: string; number?: string } };
