import type { Locale } from '@onething/engine/runtime';
import type { TokenSource } from './api/client.js';
import type { ServiceError } from './api/errors.js';
import type { ApplicationView, ServiceData, SubmissionOf, UntypedData } from './api/types.js';
import type { SaveStatus } from './drafts/draft-sync.js';
import type { StorageChoice } from './drafts/storage.js';
import { OtService, type OtReadyDetail } from './elements/ot-service.js';

/** Options of `createServiceForm`. Only `server` and `bundle` are required. */
export interface ServiceFormOptions<T extends ServiceData = UntypedData> {
  /** Base URL of the onething server, e.g. `https://zwfw.example.gov.cn`. */
  server: string;
  /** The bundle id, e.g. `newborn-birth`. */
  bundle: string;
  /** An exact published version; default: the newest. */
  version?: string;
  /** The applicant's bearer token, or a function returning the current one (refreshed tokens). Omit for citizens not signed in. */
  token?: TokenSource;
  /** `zh-CN` (default) or `en`. */
  locale?: Locale;
  /** CSS custom properties of the theme, e.g. `{ '--ot-color-primary': '#b3261e' }`. */
  theme?: Record<string, string>;
  /** `sections` (one page) or `wizard` (a step per section); default: the bundle's layout. */
  layout?: 'sections' | 'wizard';
  /** Where drafts are kept on the device: `local` (default), `session`, `none`, or a Storage. */
  storage?: StorageChoice;
  /** Resume the draft of this continuation token (from a "continue later" link). */
  continuationToken?: string;
  /** Milliseconds of quiet before a change is saved to the server (default 1 500). */
  autosaveDelay?: number;
  /** Smart prefill for signed-in applicants (default true). */
  prefill?: boolean;
  /** Show the application's progress (`<ot-status>`) after submission (default true). */
  showStatus?: boolean;
  /** Electronic licences the portal knows the applicant holds (offered instead of uploads). */
  eLicenses?: ReadonlyArray<{ type: string; number: string }>;
  /** The server accepted the submission. `submission` is typed by the bundle's generated types. */
  onSubmitted?: (result: SubmittedResult<T>) => void;
  /** Autosave state changed (saving, saved, offline …). */
  onSave?: (status: SaveStatus) => void;
  /** Loading or submitting failed; the form also says so to the person. */
  onError?: (error: ServiceError, during: 'load' | 'submit') => void;
  /** The form is shown. */
  onReady?: (detail: OtReadyDetail) => void;
}

/** What `onSubmitted` receives. */
export interface SubmittedResult<T extends ServiceData = UntypedData> {
  application: ApplicationView<T>;
  submission: SubmissionOf<T>;
  /** For a citizen not signed in: keep it to show the application's progress later (`<ot-status continuation-token>`). */
  continuationToken?: string;
}

/** A service form on the page. */
export interface ServiceForm<T extends ServiceData = UntypedData> {
  /** The `<ot-service>` element. */
  readonly element: OtService;
  /** The form content as it stands (answers, data with computed values, materials). */
  getData(): SubmissionOf<T>;
  /** Switches every text to `zh-CN` or `en`. */
  setLocale(locale: Locale): void;
  /** Sets a new token (after a refresh). A different person's token restarts the form with their own draft. */
  setToken(token: TokenSource | undefined): void;
  /** Saves the draft to the server now. */
  save(): Promise<void>;
  /** Validates and submits, as the form's button does; false when the form shows errors. */
  submit(): boolean;
  /** The application id (once the server has the draft) and, for a citizen not signed in, the continuation token. */
  readonly application: { id?: string; continuationToken?: string };
  /** Removes the form and stops autosave. The draft stays on the device and the server. */
  destroy(): void;
}

/**
 * Puts a service's application form into `element`: loads the bundle from the onething server,
 * resumes or starts the applicant's draft, autosaves it, submits it once, shows its progress.
 * Resolves when the form is shown; rejects with a `ServiceError` when it cannot be loaded (the
 * element then shows the problem and a "Try again" button), and with a `TypeError` at once when
 * `server` or `bundle` is missing.
 * @example
 * import { createServiceForm } from '@onething/sdk';
 * import type { NewbornBirth } from './onething-types/newborn-birth';
 * const form = await createServiceForm<NewbornBirth>(document.querySelector('#apply')!, {
 *   server: 'https://zwfw.example.gov.cn', bundle: 'newborn-birth', token: () => session.token,
 *   onSubmitted: ({ application, submission }) => console.log(application.id, submission.data.child?.name),
 * });
 */
export async function createServiceForm<T extends ServiceData = UntypedData>(element: Element, options: ServiceFormOptions<T>): Promise<ServiceForm<T>> {
  // without them the element waits for attributes that never come: say so instead of never resolving
  if (!options?.server || !options.bundle) throw new TypeError('createServiceForm: the options `server` and `bundle` are required');
  const service = document.createElement('ot-service') as OtService;
  const { server, bundle, version, token, locale, theme, layout, storage, continuationToken, autosaveDelay, prefill, showStatus, eLicenses } = options;
  Object.assign(service, {
    server,
    bundle,
    ...(version !== undefined && { version }),
    ...(token !== undefined && { token }),
    ...(locale !== undefined && { locale }),
    ...(theme !== undefined && { theme }),
    ...(layout !== undefined && { layout }),
    ...(storage !== undefined && { storage }),
    ...(continuationToken !== undefined && { continuationToken }),
    ...(autosaveDelay !== undefined && { autosaveDelay }),
    ...(prefill === false && { noPrefill: true }),
    ...(showStatus === false && { noStatus: true }),
    ...(eLicenses !== undefined && { eLicenses }),
  });
  const listeners: Array<[string, EventListener]> = [
    ['ot-submitted', (e) => options.onSubmitted?.((e as CustomEvent).detail as SubmittedResult<T>)],
    ['ot-save', (e) => options.onSave?.((e as CustomEvent).detail.status)],
    ['ot-error', (e) => options.onError?.((e as CustomEvent).detail.error, (e as CustomEvent).detail.during)],
    ['ot-ready', (e) => options.onReady?.((e as CustomEvent).detail)],
  ];
  for (const [type, listener] of listeners) service.addEventListener(type, listener);
  element.append(service);
  await service.ready();
  return {
    element: service,
    getData: () => service.submission as SubmissionOf<T>,
    setLocale: (next) => void (service.locale = next),
    setToken: (next) => void (service.token = next),
    save: () => service.saveNow(),
    submit: () => service.submit(),
    get application() {
      return service.application;
    },
    destroy() {
      for (const [type, listener] of listeners) service.removeEventListener(type, listener);
      service.remove();
    },
  };
}
