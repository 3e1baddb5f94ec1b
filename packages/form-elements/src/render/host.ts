import type { ComposedBundle, ComposedMaterial, Json, JsonSchema, Locale, MaterialValue } from '@onething/engine/runtime';
import type { Text, UiField } from '../model/types.js';
import type { ValidationError } from '../model/errors.js';
import type { EnumOption } from '../model/schema.js';
import type { WidgetContext, WidgetDescriptor } from '../widgets/types.js';
import type { MaterialUpload } from '../upload/uploads.js';

/** The part of a field's description the renderers need, resolved once per path. */
export interface FieldInfo {
  path: string;
  /** The control's id in the form's shadow root. */
  id: string;
  kind: 'value' | 'group' | 'list';
  schema: JsonSchema;
  ui: UiField;
  widget: WidgetDescriptor;
  /** Paths of the children of a group (in schema order). */
  children: string[];
  /** Enum options with titles, if the schema has them. */
  options: EnumOption[] | undefined;
}

/**
 * What `<ot-form>` offers its render functions. Rendering is split into small modules
 * (field, group, list, section, materials…) that read the form only through this.
 */
export interface RenderHost {
  /** The bundle being rendered (set whenever a render function runs). */
  readonly composedBundle: ComposedBundle;
  readonly locale: Locale;
  /** Bumped when everything must re-render (locale, definition, supplement, error set). */
  readonly epoch: number;
  t(text: Text): string;
  /** Increases whenever something a path (or anything under it) shows has changed: guards re-render on it. */
  version(key: string): number;
  info(path: string): FieldInfo | undefined;
  value(path: string): Json | undefined;
  /** The text a person is typing in a field (until it is committed on change/blur). */
  draft(path: string): string | undefined;
  visible(path: string): boolean;
  required(path: string): boolean;
  /** Shown as text, not as a control (supplement mode: fields the reviewer did not flag). */
  locked(path: string): boolean;
  /** A computed value (`rules[path].value`): shown in a read-only control. */
  computed(path: string): boolean;
  error(path: string): ValidationError | undefined;
  /** The reviewer's reason, for a field or material flagged in supplement mode. */
  note(path: string): Text | undefined;
  widgetContext(info: FieldInfo): WidgetContext;
  /** Stable keys of a repeatable group's first `count` rows, one per row (they move with their rows). */
  rowKeys(path: string, count: number): readonly number[];
  material(id: string): MaterialView;
  /** The items (ids) currently active. */
  active(): ReadonlySet<string>;
}

export interface MaterialView {
  material: ComposedMaterial;
  visible: boolean;
  required: boolean;
  value: MaterialValue | undefined;
  uploads: readonly MaterialUpload[];
  /** What was wrong with the files just picked (type, size, count), shown at once. */
  problem?: Text | undefined;
  /** The latest thing that happened to its files (uploading, uploaded, removed, refused), for a live region. */
  news?: Text | undefined;
  /** `upload` or `e-licence`: what the person chose for a material an e-licence can replace. */
  mode: 'upload' | 'e-licence';
  /** The applicant's licence of this material's type, when the host knows it. */
  licence?: { type: string; number: string };
}

/** The id of a field's control. Dots are fine in ids; the prefix keeps them apart from the form's own ids. */
export const fieldId = (path: string) => `f-${path.replace(/\//g, '-')}`;
