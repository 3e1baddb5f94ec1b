import type { Json, JsonSchema, Locale } from '@onething/engine/runtime';
import type { EnumOption } from '../model/schema.js';
import { titleOf } from '../model/schema.js';
import type { Text, UiField } from '../model/types.js';
import type { FieldInfo, RenderHost } from '../render/host.js';
import type { WidgetContext } from '../widgets/types.js';

/** What a field context needs from the form beyond rendering: re-rendering one field. */
export interface ContextHost extends RenderHost {
  bump(path: string): void;
  requestUpdate(): void;
}

/**
 * The context one widget renders with. A class, so that its methods live on the prototype:
 * a 2,000-field render creates one small object per field, not six closures.
 */
export class FieldContext implements WidgetContext {
  readonly id: string;
  readonly path: string;
  readonly value: Json | undefined;
  readonly draft: string | undefined;
  readonly schema: JsonSchema;
  readonly ui: UiField;
  readonly locale: Locale;
  readonly label: string;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly invalid: boolean;
  readonly describedBy: string | undefined;
  readonly options: EnumOption[] | undefined;

  constructor(
    private readonly host: ContextHost,
    info: FieldInfo,
  ) {
    const { path, id } = info;
    this.id = id;
    this.path = path;
    this.value = host.value(path);
    this.draft = host.draft(path);
    this.schema = info.schema;
    this.ui = info.ui;
    this.locale = host.locale;
    this.label = host.t(titleOf(info.schema, path));
    this.required = host.required(path);
    this.readOnly = info.ui.readOnly === true || host.computed(path);
    this.invalid = host.error(path) !== undefined;
    this.options = info.options;
    let described = info.ui.help ?? info.schema['x-description'] ? `${id}-hint` : '';
    if (host.note(path)) described += `${described ? ' ' : ''}${id}-note`;
    if (this.invalid) described += `${described ? ' ' : ''}${id}-error`;
    this.describedBy = described || undefined;
  }

  t(text: Text): string {
    return this.host.t(text);
  }
  has(path: string): boolean {
    return this.host.info(path) !== undefined;
  }
  schemaOf(path: string): JsonSchema | undefined {
    return this.host.info(path)?.schema;
  }
  valueOf(path: string): Json | undefined {
    return this.host.value(path);
  }
  refresh(): void {
    this.host.bump(this.path);
    this.host.requestUpdate();
  }
}
