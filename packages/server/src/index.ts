/**
 * @onething/server — the Express API, the stores (SQLite, MongoDB), the deadline scheduler
 * and the `onething` CLI. See docs/api.md and docs/operations.md.
 */
export { createApp, DEFAULT_LIMITS, DEFAULT_RATE_LIMITS, type AppOptions, type OnethingApp } from './app.js';
export { serve, type ServeOptions, type RunningServer } from './serve.js';
export type { Services, Clock, ServerLimits } from './services.js';

export type { Store, ApplicationChange, CommitResult, DraftInput } from './store/port.js';
export type * from './store/types.js';
export { StoreError, type StoreErrorCode } from './store/errors.js';
export { openStore } from './store/open.js';
export { SqliteStore, type SqliteStoreOptions } from './store/sqlite/sqlite-store.js';
export { MongoStore } from './store/mongodb/mongo-store.js';
export { chainAudit, verifyAuditChain } from './store/audit.js';

export { createTokenVerifier, mintToken, type AuthOptions, type TokenVerifier, type TokenClaims } from './auth/tokens.js';
export { principalFromClaims, type Principal, type Role } from './auth/principal.js';

export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler/scheduler.js';
export { createDispatcher, retryDelay, type Dispatcher, type DispatcherOptions, type Backoff } from './notifications/dispatcher.js';
export { notificationTransports, createTransports, type TransportConfig } from './notifications/transports/index.js';
export { webhookSignature, type WebhookOptions } from './notifications/transports/webhook.js';
export type { Transport, TransportDescriptor, TransportContext } from './notifications/transport.js';
export { renderNotification, targetOf, type Notification } from './notifications/notification.js';
export { defaultNotificationTexts, notificationText, fill, type NotificationText } from './notifications/texts.js';
export { allowedEvents } from './applications/allowed-events.js';
export { createStoreCatalog } from './catalog/store-catalog.js';
export type { Catalog, BundleRuntime, BundleRef } from './catalog/catalog.js';
export { importDefinitions, checkDefinition, checkNewVersion, type ImportReport } from './catalog/definitions.js';
export { ApplicationService } from './applications/service.js';

export { HttpError, type ErrorBody } from './http/errors.js';
export { httpErrorCodes, type HttpErrorCode } from './http/error-codes.js';
export { openApiDocument } from './http/openapi.js';
export { apiRoutes } from './http/routes/index.js';
export type { RouteDescriptor, Call, Reply } from './http/route.js';
export { createLogger, maskPii, type Logger, type LoggerOptions } from './logging.js';
export { demoIdentities, demoSecret } from './demo.js';
