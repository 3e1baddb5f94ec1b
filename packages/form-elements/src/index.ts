/**
 * @onething/form-elements — `<ot-form>`, the Lit web component that renders a composed bundle,
 * and its widget registry.
 */
export { OtForm } from './elements/ot-form.js';
export type { OtChangeDetail, OtInvalidDetail, OtStepDetail, OtSubmitDetail, SupplementRequest } from './elements/events.js';
export { createWidgetRegistry, defaultWidgets, type WidgetRegistry } from './widgets/registry.js';
export type { WidgetContext, WidgetDescriptor, WidgetStatus } from './widgets/types.js';
export { setDivisionLoader, type DivisionLoader, type DivisionNode } from './widgets/division-tree.js';
export type { FileRef, Uploader, UploadContext, UploadRequestDetail } from './upload/uploads.js';
export { strings, format } from './i18n/strings.js';
export { theme, themeTokens } from './styles/theme.js';
