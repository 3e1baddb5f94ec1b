import type { ComposedBundle, ComposedUi } from '@onething/engine/runtime';

// Types the engine's runtime entry uses but does not name, taken from what it does export.

/** User-facing text in every supported locale: `{ 'zh-CN': …, en: … }`. */
export type Text = ComposedBundle['bundle']['title'];
/** Widget hints of one field (`ui.fields[path]`). */
export type UiField = NonNullable<ComposedUi['fields'][string]>;
