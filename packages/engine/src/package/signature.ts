import canonicalize from 'canonicalize';
import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { asciiText, base64urlDecode, base64urlEncode } from './base64url.js';
import type { PackageManifest } from './types.js';

/** The JWS signing input for a manifest: `BASE64URL(protected) '.' BASE64URL(JCS(manifest))` (RFC 7515 §5.1). */
function signingInput(protectedHeader: string, manifest: PackageManifest): Uint8Array | undefined {
  const payload = canonicalize(manifest);
  if (payload === undefined) return undefined;
  return utf8ToBytes(`${protectedHeader}.${base64urlEncode(utf8ToBytes(payload))}`);
}

/**
 * Signs a manifest: a flattened JWS with a detached payload, protected header `{"alg":"EdDSA","kid":…}`.
 * @example signManifest(manifest, secret, kid) // { protected: 'eyJhbGciOiJFZERTQSIsImtpZCI6…', signature: '…' }
 */
export function signManifest(manifest: PackageManifest, secret: Uint8Array, kid: string): { protected: string; signature: string } {
  const header = base64urlEncode(utf8ToBytes(JSON.stringify({ alg: 'EdDSA', kid })));
  const input = signingInput(header, manifest);
  if (!input) throw new TypeError('signManifest: the manifest has no JSON form');
  return { protected: header, signature: base64urlEncode(ed25519.sign(input, secret)) };
}

/** The protected header of a package signature, if it is one this engine accepts. */
export function readProtectedHeader(encoded: string): { alg: 'EdDSA'; kid: string } | undefined {
  const bytes = base64urlDecode(encoded);
  const json = bytes && asciiText(bytes);
  if (json === undefined) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
  const { alg, kid, crit, b64 } = header as Record<string, unknown>;
  // RFC 7515 §4.1.11: extensions we do not understand must not be ignored; b64:false (RFC 7797) changes the input.
  if (alg !== 'EdDSA' || typeof kid !== 'string' || crit !== undefined || b64 !== undefined) return undefined;
  return { alg, kid };
}

/**
 * True when `signature` is a valid Ed25519 signature by `publicKey` over the manifest with this
 * protected header (strict RFC 8032 verification, as WebCrypto and jose do it).
 */
export function verifyManifest(manifest: PackageManifest, signature: { protected: string; signature: string }, publicKey: Uint8Array): boolean {
  const input = signingInput(signature.protected, manifest);
  const bytes = base64urlDecode(signature.signature);
  if (!input || !bytes || bytes.length !== 64) return false;
  try {
    return ed25519.verify(bytes, input, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
