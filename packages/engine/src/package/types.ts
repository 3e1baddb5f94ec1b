import type { BundleDefinition, ConceptDictionary, ItemDefinition, OverlayDefinition } from '../definitions/types.generated.js';

/** Any definition a package can carry. */
export type AnyDefinition = ItemDefinition | BundleDefinition | OverlayDefinition | ConceptDictionary;

/** The format tag inside every manifest (signed with it, so it cannot be swapped). */
export const PACKAGE_FORMAT = 'onething-package/1';

/** An Ed25519 public key as a JWK (RFC 8037): `x` is the 32-byte key, base64url. */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  /** Key id; `generateSigningKey` uses the RFC 7638 thumbprint. */
  kid?: string;
  alg?: 'EdDSA';
  use?: 'sig';
  /** The publisher (an Id) the key signs for; required in a set of trusted keys. */
  publisher?: string;
}

/** An Ed25519 private key as a JWK: the public members plus `d`, the 32-byte secret. Keep it out of version control. */
export interface Ed25519PrivateJwk extends Ed25519PublicJwk {
  d: string;
}

/** A public key trusted to sign packages of one publisher. */
export interface TrustedKey extends Ed25519PublicJwk {
  publisher: string;
}

/** The keys an importing region trusts, as a JWK Set (RFC 7517 §5) — the format of a JWKS endpoint. */
export interface TrustedKeys {
  keys: TrustedKey[];
}

/** One definition listed in a manifest: what it is and the sha-256 of its canonical JSON. */
export interface PackageEntry {
  kind: AnyDefinition['kind'];
  id: string;
  version: string;
  hash: string;
}

/** What a publisher says about a package, signed. */
export interface PackageManifest {
  format: typeof PACKAGE_FORMAT;
  /** The publisher's id (kebab-case), e.g. `huarong-approval-bureau`. */
  publisher: string;
  /** The publishing region (GB/T 2260). */
  region: string;
  /** When the package was made (ISO 8601 date-time). */
  created: string;
  entries: PackageEntry[];
}

/**
 * A signed package: the manifest, the definitions in manifest order, and a JWS (RFC 7515,
 * flattened JSON serialisation, detached payload) whose payload is the manifest's canonical
 * JSON (RFC 8785) and whose protected header is `{"alg":"EdDSA","kid":…}`.
 */
export interface DefinitionPackage {
  manifest: PackageManifest;
  definitions: AnyDefinition[];
  signature: { protected: string; signature: string };
}

/** What `verifyPackage` hands back once everything checks out. */
export interface VerifiedPackage {
  manifest: PackageManifest;
  definitions: AnyDefinition[];
  /** The id of the key that signed it. */
  kid: string;
}
