import type { Json, JsonSchema, Locale } from '@onething/engine/runtime';
import type { Text, UiField } from '../model/types.js';
import type { TemplateResult } from 'lit';
import type { EnumOption } from '../model/schema.js';

/** What a widget gets to render one field's control. */
export interface WidgetContext {
  /** The control's id (the field's `<label for>` points at it). */
  id: string;
  /** The field's data path; controls carry it as their `name`, which is how the form reads them. */
  path: string;
  value: Json | undefined;
  /** What the person is typing into a text control, until it is committed on change (blur): render it as is. */
  draft: string | undefined;
  schema: JsonSchema;
  ui: UiField;
  locale: Locale;
  /** The field's label in the current locale (for widgets that label inner controls). */
  label: string;
  required: boolean;
  readOnly: boolean;
  invalid: boolean;
  /** Ids of the hint and error message, for `aria-describedby`. */
  describedBy: string | undefined;
  /** Enum options with their titles, when the schema has them. */
  options: EnumOption[] | undefined;
  /** Text in the current locale. */
  t(text: Text): string;
  /** Every field path of the form (a widget may fill related fields: the resident ID fills birth date and sex). */
  has(path: string): boolean;
  /** The schema of another field. */
  schemaOf(path: string): JsonSchema | undefined;
  /** The current value of another field. */
  valueOf(path: string): Json | undefined;
  /** Re-renders this field (after a widget loaded something asynchronously). */
  refresh(): void;
}

/** Live feedback a widget gives while the person types (a checksum that passes or not). */
export interface WidgetStatus {
  ok: boolean;
  text: string;
}

/**
 * A field widget (STYLE.md #2: a registry keyed by a type string, each entry its own descriptor).
 * Register more through `createWidgetRegistry([...defaultWidgets, mine])`.
 */
export interface WidgetDescriptor {
  /** The registry key, named in `ui.fields[path].widget`. */
  type: string;
  /** Shown by the designer's widget list. */
  title: Text;
  /** How well it fits a schema without a widget hint: 0 never; the highest score wins. */
  match(schema: JsonSchema): number;
  /**
   * Whether it can render a schema at all, when a `ui.fields` hint names it (default: yes). A hint
   * naming a widget that can't (a `checkbox` hint on a list of choices) falls back to the best match.
   */
  accepts?(schema: JsonSchema): boolean;
  /** The value of a field nobody has filled in. */
  emptyValue: Json | undefined;
  /**
   * How the field's title labels the control: `label` (a `<label for>`, the default), `fieldset`
   * (a `<fieldset><legend>` around several controls: radios, the division picker) or `inline`
   * (the widget renders the label itself: a checkbox with its text beside it).
   */
  frame?: 'label' | 'fieldset' | 'inline';
  /**
   * Turns what a control holds into the data value (`undefined` means empty).
   * `raw` is `checked` for checkboxes and `value` for every other control.
   */
  sanitize(raw: string | boolean, ctx: WidgetContext, control: HTMLElement): Json | undefined;
  /**
   * Show the sanitized value while the person types (an ID number upper-cased at once). Otherwise a
   * text control keeps exactly what was typed until it is committed on change, so that sanitizing
   * (trimming, parsing a number) never fights the typing.
   */
  normalizeAsYouType?: boolean;
  render(ctx: WidgetContext): TemplateResult;
  /** More values to write with this one, keyed by path (the resident ID fills birth date and sex). */
  derive?(value: Json | undefined, ctx: WidgetContext): Record<string, Json>;
  /** Feedback while typing, announced politely (a checksum result). */
  status?(value: Json | undefined, ctx: WidgetContext): WidgetStatus | undefined;
}
