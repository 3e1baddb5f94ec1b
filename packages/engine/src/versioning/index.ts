/**
 * Versioning: is a new version of a definition numbered right for what changed?
 * Used by the server when publishing and by the designer before it offers "publish".
 */
export type { BumpLevel, ChangeKind, VersionChange, VersionCheck } from './types.js';
export { checkVersion, compareDefinitions } from './check.js';
export { versioningCodes, versionBumpTooSmall, versionNotComparable, versionNotGreater } from './codes.js';
