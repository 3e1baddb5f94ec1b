/**
 * @onething/sdk — embed a onething service in any portal: `createServiceForm` and
 * `<ot-service>` (drafts that survive going offline, idempotent submission, smart prefill),
 * `<ot-status>` (progress, supplements) and `<ot-rating>` (好差评).
 */
export { createServiceForm, type ServiceForm, type ServiceFormOptions, type SubmittedResult } from './service-form.js';
export { OtService, type OtReadyDetail, type OtSubmittedDetail, type OtSaveDetail, type OtErrorDetail } from './elements/ot-service.js';
export { OtStatus, type OtSupplementedDetail } from './elements/ot-status.js';
export { OtRating, type OtRatedDetail } from './elements/ot-rating.js';
export { createApiClient, type ApiClient, type ApiClientOptions, type Credentials, type FormContent, type TokenSource } from './api/client.js';
export { ServiceError, isServiceError, type ClientErrorCode } from './api/errors.js';
export type { ApplicationView, DeadlineView, FlowView, PrefillValue, ServiceData, SubmissionOf, TimelineEntry, UntypedData } from './api/types.js';
export type { SupplementRoundView } from './api/view-types.js';
export type { SaveStatus } from './drafts/draft-sync.js';
export type { StorageChoice } from './drafts/storage.js';
export { strings } from './i18n/strings.js';
