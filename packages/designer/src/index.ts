/**
 * @onething/designer — the administrators' visual designer: `<ot-designer>` (catalog, item
 * view, bundle composer with live preview, diagnostics, metrics and flow diagrams, drafts,
 * publishing with semver checks, export and import) and the model functions behind it.
 * The built app (dist/app/) is what the server serves at /designer/.
 */
export { OtDesigner } from './elements/ot-designer.js';
export { OtCatalog, ITEM_DRAG_TYPE } from './elements/ot-catalog.js';
export { OtComposer } from './elements/ot-composer.js';
export { OtItemView, itemFields, type FieldRow } from './elements/ot-item-view.js';
export { OtImportPanel } from './elements/ot-import-panel.js';
export { OtChartDiagram } from './elements/ot-chart-diagram.js';
export { OtMetrics } from './elements/ot-metrics.js';
export { OtDiagnostics } from './elements/ot-diagnostics.js';
export { OtRuleBuilder } from './elements/ot-rule-builder.js';
export { OtQuestionsEditor } from './elements/ot-questions-editor.js';
export { OtBundleEntry } from './elements/ot-bundle-entry.js';
export { OtBundleBasics } from './elements/ot-bundle-basics.js';
export { OtPublishDialog } from './elements/ot-publish-dialog.js';
export { OtVersionHistory } from './elements/ot-version-history.js';
export { OtSignIn } from './elements/ot-sign-in.js';
export { OtLiveTabs, type TabSpec } from './elements/ot-live-tabs.js';
export { createClient, ApiError, type ClientOptions, type DesignerClient, type DefinitionKind, type DefinitionRecord } from './api/client.js';
export { loadWorkspace, workspaceOf, catalogEntries, publishedVersions, definitionPath, type Workspace, type CatalogEntry } from './model/workspace.js';
export { analyseBundle, type BundleAnalysis } from './model/analysis.js';
export { parseRule, buildRule, describeRule, type BuiltRule, type Condition } from './model/rules.js';
export { parseOptions, optionsText } from './model/questions.js';
export { planPublish, checkCandidate, type PublishPlan } from './model/versioning.js';
export { exportFiles, checkImport, type ImportCheck, type ImportEntry } from './model/exchange.js';
export { packageCodecs, jsonCodec, zipCodec, codecFor, PackageError, PACKAGE_LIMITS, type PackageCodec, type PackageFile } from './model/package-codecs.js';
export { chartModel, type ChartInput, type DiagramModel, type DiagramNode, type DiagramEdge, type RegionNode } from './diagram/chart-model.js';
export { layoutDiagram, type Layout } from './diagram/layout.js';
export { strings, t } from './i18n/strings.js';
