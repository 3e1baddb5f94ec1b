// Types of services.js (a plain ES module the HTML page loads as is; the React portal and the tests import it too).
export type Locale = 'zh-CN' | 'en';
export type Text = Record<Locale, string>;

export interface PortalService {
  bundle: 'newborn-birth' | 'open-restaurant';
  nav: Text;
  crumbs: Text;
  heading: Text;
  intro: Text;
  documentTitle: Text;
}

export interface SubmittedApplication {
  id: string;
  bundle: PortalService['bundle'];
  /** ISO 8601 */
  submittedAt: string;
}

export type Route =
  | { page: 'service'; service: PortalService }
  | { page: 'applications'; application: string | null; invalid: boolean };

/** The part of `Storage` these functions use. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export declare const services: readonly PortalService[];
export declare const applicationsPage: {
  nav: Text;
  crumbs: Text;
  heading: Text;
  intro: Text;
  empty: Text;
  unknown: Text;
  submitted: Text;
  number: Text;
  documentTitle: Text;
};
export declare function serviceById(bundle: string): PortalService | undefined;
export declare function route(search: string): Route;
export declare function isApplicationId(value: unknown): value is string;
export declare const APPLICATIONS_KEY: string;
export declare const MAX_APPLICATIONS: number;
export declare function listApplications(storage: StorageLike): SubmittedApplication[];
export declare function rememberApplication(storage: StorageLike, entry: SubmittedApplication): SubmittedApplication[];
export declare function initialLocale(storage: StorageLike): Locale;
export declare function saveLocale(storage: StorageLike, locale: string): void;
