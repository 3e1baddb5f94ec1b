import type { Logger } from './logging.js';
import type { Store } from './store/port.js';
import type { TokenVerifier } from './auth/tokens.js';
import type { OriginAllowList } from './http/middleware/security.js';
import type { Catalog } from './catalog/catalog.js';

/** The injected clock: every "now" of the server comes from here (tests move it). */
export type Clock = () => Date;

/** Size limits of requests. */
export interface ServerLimits {
  /** Largest JSON body, in bytes. */
  jsonBytes: number;
  /** Largest upload whatever a material allows, in bytes. */
  uploadBytes: number;
}

/** Everything route handlers use; built once by `createApp`. */
export interface Services {
  store: Store;
  clock: Clock;
  logger: Logger;
  verifier: TokenVerifier;
  catalog: Catalog;
  limits: ServerLimits;
  origins: OriginAllowList;
  /** The server package version (OpenAPI `info.version`). */
  version: string;
}
