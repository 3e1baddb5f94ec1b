import type { JsonSchema } from '@onething/engine/runtime';
import type { WidgetDescriptor } from './types.js';
import { checkboxWidget } from './checkbox.js';
import { checkboxesWidget } from './checkboxes.js';
import { creditCodeWidget } from './credit-code.js';
import { dateWidget } from './date.js';
import { divisionWidget } from './division.js';
import { emailWidget } from './email.js';
import { mobileWidget } from './mobile.js';
import { numberWidget } from './number.js';
import { radioWidget } from './radio.js';
import { residentIdWidget } from './resident-id.js';
import { selectWidget } from './select.js';
import { textWidget } from './text.js';
import { textareaWidget } from './textarea.js';

/** The widgets `<ot-form>` knows out of the box. */
export const defaultWidgets: readonly WidgetDescriptor[] = [
  textWidget,
  textareaWidget,
  numberWidget,
  dateWidget,
  emailWidget,
  selectWidget,
  radioWidget,
  checkboxWidget,
  checkboxesWidget,
  residentIdWidget,
  creditCodeWidget,
  mobileWidget,
  divisionWidget,
];

export interface WidgetRegistry {
  /** The widget registered under a type, if any. */
  get(type: string): WidgetDescriptor | undefined;
  /** The widget for a field: its `ui.fields[path].widget` hint when registered, else the best match for its schema. */
  pick(schema: JsonSchema, hint?: string): WidgetDescriptor;
  /** Every registered widget, in registration order (the designer lists them). */
  list(): readonly WidgetDescriptor[];
}

/**
 * A widget registry; a later entry with the same type replaces an earlier one.
 * @example
 * const widgets = createWidgetRegistry([...defaultWidgets, postcodeWidget]);
 * form.widgets = widgets;
 */
export function createWidgetRegistry(widgets: readonly WidgetDescriptor[] = defaultWidgets): WidgetRegistry {
  const byType = new Map(widgets.map((w) => [w.type, w]));
  const all = [...byType.values()];
  const cache = new WeakMap<JsonSchema, WidgetDescriptor>();
  return {
    get: (type) => byType.get(type),
    pick(schema, hint) {
      const hinted = hint === undefined ? undefined : byType.get(hint);
      if (hinted && (hinted.accepts?.(schema) ?? true)) return hinted;
      let best = cache.get(schema);
      if (best) return best;
      let score = 0;
      for (const w of all) {
        const s = w.match(schema);
        if (s > score) [best, score] = [w, s];
      }
      best ??= byType.get('text') ?? textWidget;
      cache.set(schema, best);
      return best;
    },
    list: () => all,
  };
}
