/**
 * @onething/workbench — the workbench of the comprehensive-window clerk (综窗) and the department
 * reviewers: `<ot-workbench>` (sign-in with a staff token, the queue, an application with its
 * data, materials, items, supplement rounds, timeline and the actions the flow allows) and the
 * model functions behind it. The built app (dist/app/) is what the server serves at /workbench/.
 */
export { OtWorkbench } from './elements/ot-workbench.js';
export { OtQueue } from './elements/ot-queue.js';
export { OtApplication } from './elements/ot-application.js';
export { queueQuery, PAGE_SIZE, type StateFilter, type DeadlineFilter } from './model/queue.js';
export { actionTargets, actionTitle, needsConfirmation } from './model/actions.js';
export { OtReviewData } from './elements/ot-review-data.js';
export { OtReviewMaterials, type DownloadDetail } from './elements/ot-review-materials.js';
export { OtItemStatus } from './elements/ot-item-status.js';
export { OtTimeline } from './elements/ot-timeline.js';
export { OtActionPanel, type ActionDetail } from './elements/ot-action-panel.js';
export { OtEventDialog, type ConfirmDetail, type SupplementPreview } from './elements/ot-event-dialog.js';
export { OtStaffSignIn } from './elements/ot-staff-sign-in.js';
export type { FlagDetail } from './render/flag.js';
export { createClient, ApiError, type ClientOptions, type WorkbenchClient, type QueueQuery, type EventInput, type CatalogView } from './api/client.js';
export type { ApplicationSummary, ApplicationView, AllowedEvent, FlowView, TimelineEntry, SupplementRoundView, Page } from './api/types.js';
export { readSession, type Session, type SessionProblem } from './model/session.js';
export { deadlineStatus, dueWithin, type DeadlineStatus } from './model/deadlines.js';
export { reviewModel, flaggable, type ReviewModel, type ReviewSection, type ReviewField, type ReviewMaterial } from './model/review.js';
export { supplementPayload, flagProblem, noFlags, preview, roundEntries, MAX_REASON, type Flags, type FlagProblem, type PreviewEntry, type SupplementRequestPayload } from './model/supplement.js';
export { applicationStateTitle, itemStates, itemStateTitle, orchestrationTitles, orchestrationEventTitles, reachedPath, stateLabel } from './model/states.js';
export { directoryOf, type Directory } from './model/directory.js';
export { displayValue, fieldLabel, schemaAt, titleOf, getAt } from './model/schema.js';
export { formatDateTime, formatDate, formatSize, shortNumber, lastDay } from './model/format.js';
export { strings, t, tx } from './i18n/strings.js';
