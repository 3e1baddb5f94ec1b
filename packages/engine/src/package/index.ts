/**
 * Signed definition packages: what partner regions exchange. Ed25519 (RFC 8032) over the
 * manifest's canonical JSON (RFC 8785) as a JWS (RFC 7515), keys as JWK (RFC 8037).
 * See docs/exchange.md.
 */
export { packDefinitions, type PackManifestInput } from './pack.js';
export { verifyPackage, type VerifyOptions } from './verify.js';
export { generateSigningKey, publicKeyOf, jwkThumbprint } from './keys.js';
export { definitionPath } from './paths.js';
export {
  PACKAGE_FORMAT,
  type AnyDefinition,
  type DefinitionPackage,
  type Ed25519PrivateJwk,
  type Ed25519PublicJwk,
  type PackageEntry,
  type PackageManifest,
  type TrustedKey,
  type TrustedKeys,
  type VerifiedPackage,
} from './types.js';
