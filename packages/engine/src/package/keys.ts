import { ed25519 } from '@noble/curves/ed25519.js';
import { isDefinitionId } from '../definitions/id.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { text, type Text } from '../text.js';
import { base64urlDecode, base64urlEncode } from './base64url.js';
import type { Ed25519PrivateJwk, Ed25519PublicJwk } from './types.js';


/**
 * A new Ed25519 key pair as JWKs, `kid` set to the RFC 7638 thumbprint. Uses the platform's
 * secure random source (`crypto.getRandomValues`) unless a 32-byte `seed` is given (tests).
 * @example
 * const { privateKey, publicKey } = generateSigningKey({ publisher: 'huarong-approval-bureau' });
 * publicKey // { kty: 'OKP', crv: 'Ed25519', x: '…', kid: '…', alg: 'EdDSA', use: 'sig', publisher: 'huarong-approval-bureau' }
 */
export function generateSigningKey(options: { seed?: Uint8Array; publisher?: string } = {}): { privateKey: Ed25519PrivateJwk; publicKey: Ed25519PublicJwk } {
  const secret = options.seed ? Uint8Array.from(options.seed) : ed25519.utils.randomSecretKey();
  const x = base64urlEncode(ed25519.getPublicKey(secret));
  const publicKey: Ed25519PublicJwk = { kty: 'OKP', crv: 'Ed25519', x, kid: jwkThumbprint({ x }), alg: 'EdDSA', use: 'sig' };
  if (options.publisher !== undefined) publicKey.publisher = options.publisher;
  return { privateKey: { ...publicKey, d: base64urlEncode(secret) }, publicKey };
}

/**
 * The public half of a private JWK (everything but `d`).
 * @example publicKeyOf(privateKey).d // undefined
 */
export function publicKeyOf(privateKey: Ed25519PrivateJwk): Ed25519PublicJwk {
  const { d: _secret, ...rest } = privateKey;
  return rest;
}

/**
 * The RFC 7638 thumbprint of an Ed25519 JWK: base64url(sha-256 of `{"crv","kty","x"}` in that order).
 * @example jwkThumbprint({ x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) // 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k' (RFC 8037 A.3)
 */
export function jwkThumbprint(jwk: { x: string }): string {
  return base64urlEncode(sha256(utf8ToBytes(`{"crv":"Ed25519","kty":"OKP","x":"${jwk.x}"}`)));
}

/** A key read from a JWK: its bytes and id, or why it cannot be used. */
export type KeyReading<K> = ({ ok: true; kid: string; publisher?: string } & K) | { ok: false; problem: Text };

/**
 * Reads an Ed25519 public JWK (a private one is refused: trusted keys are public).
 * @example readPublicKey(publicKey) // { ok: true, key: Uint8Array(32), kid: '…', publisher: '…' }
 */
export function readPublicKey(value: unknown): KeyReading<{ key: Uint8Array }> {
  const common = readCommon(value);
  if (!common.ok) return common;
  if ((value as Record<string, unknown>).d !== undefined) return fail('受信任的密钥必须是公钥（不能含 d）', 'a trusted key must be public (no "d")');
  return common;
}

/**
 * Reads an Ed25519 private JWK and checks that `x` is the public key of `d`.
 * @example readPrivateKey(privateKey) // { ok: true, secret: Uint8Array(32), key: Uint8Array(32), kid: '…' }
 */
export function readPrivateKey(value: unknown): KeyReading<{ key: Uint8Array; secret: Uint8Array }> {
  const common = readCommon(value);
  if (!common.ok) return common;
  const secret = base64urlDecode((value as Record<string, unknown>).d as string);
  if (!secret || secret.length !== 32) return fail('d 不是 32 字节的 base64url 私钥', '"d" is not a 32-byte base64url secret');
  const derived = ed25519.getPublicKey(secret);
  if (derived.some((byte, i) => byte !== common.key[i])) return fail('x 不是 d 对应的公钥', '"x" is not the public key of "d"');
  return { ...common, secret };
}

function readCommon(value: unknown): KeyReading<{ key: Uint8Array }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('不是 JSON 对象', 'not a JSON object');
  const jwk = value as Record<string, unknown>;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return fail('kty 须为 "OKP"，crv 须为 "Ed25519"', 'kty must be "OKP" and crv "Ed25519"');
  if (jwk.alg !== undefined && jwk.alg !== 'EdDSA') return fail('alg 须为 "EdDSA"', 'alg must be "EdDSA"');
  if (jwk.use !== undefined && jwk.use !== 'sig') return fail('use 须为 "sig"', 'use must be "sig"');
  const key = typeof jwk.x === 'string' ? base64urlDecode(jwk.x) : undefined;
  if (!key || key.length !== 32) return fail('x 不是 32 字节的 base64url 公钥', '"x" is not a 32-byte base64url public key');
  try {
    ed25519.Point.fromBytes(key);
  } catch {
    return fail('x 不是曲线上的点', '"x" is not a point on the curve');
  }
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid === '' || jwk.kid.length > 200)) return fail('kid 须为非空字符串', 'kid must be a non-empty string');
  if (jwk.publisher !== undefined && !isDefinitionId(jwk.publisher)) {
    return fail('publisher 须为小写短横线格式的 id', 'publisher must be a kebab-case id');
  }
  const reading: { ok: true; kid: string; key: Uint8Array; publisher?: string } = { ok: true, key, kid: typeof jwk.kid === 'string' ? jwk.kid : jwkThumbprint({ x: jwk.x as string }) };
  if (typeof jwk.publisher === 'string') reading.publisher = jwk.publisher;
  return reading;
}

function fail(zh: string, en: string): { ok: false; problem: Text } {
  return { ok: false, problem: text(zh, en) };
}
