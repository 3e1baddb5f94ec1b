import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { flattenedVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AnyDefinition, DefinitionPackage, TrustedKeys } from '../index.js';
import { generateSigningKey, hashDefinition, jwkThumbprint, packDefinitions, publicKeyOf, verifyPackage } from '../index.js';
import { base64urlDecode, base64urlEncode } from './base64url.js';

// The example definitions, as 华容区 would publish them.
const EXAMPLES = fileURLToPath(new URL('../../../../examples/definitions/', import.meta.url));
const examples: AnyDefinition[] = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.json'))
  .sort()
  .map((p) => JSON.parse(readFileSync(join(EXAMPLES, p), 'utf8')) as AnyDefinition);

const seed = (byte: number) => new Uint8Array(32).fill(byte);
const huarong = generateSigningKey({ seed: seed(1), publisher: 'huarong-approval-bureau' });
const intruder = generateSigningKey({ seed: seed(2), publisher: 'huarong-approval-bureau' });
const trusted: TrustedKeys = { keys: [{ ...huarong.publicKey, publisher: 'huarong-approval-bureau' }] };
const MANIFEST = { publisher: 'huarong-approval-bureau', region: '420703', created: '2025-01-10T08:00:00.000Z' };

const packed = (definitions = examples, key = huarong.privateKey) => {
  const { value, diagnostics } = packDefinitions(definitions, MANIFEST, key);
  expect(diagnostics).toEqual([]);
  return value!;
};
/** A deep copy to tamper with. */
const copy = (pkg: DefinitionPackage): DefinitionPackage => JSON.parse(JSON.stringify(pkg));
const codes = (pkg: unknown, keys = trusted) => verifyPackage(pkg, keys).diagnostics.map((d) => `${d.code} ${d.pointer}`);

describe('keys', () => {
  it('computes the RFC 7638 thumbprint of the RFC 8037 example key', () => {
    expect(jwkThumbprint({ x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('derives the RFC 8037 example public key from its private key', () => {
    const { publicKey } = generateSigningKey({ seed: base64urlDecode('nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A')! });
    expect(publicKey.x).toBe('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo');
    expect(publicKey.kid).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('makes a different key each time without a seed, and a public half without the secret', () => {
    const [a, b] = [generateSigningKey(), generateSigningKey()];
    expect(a.privateKey.d).not.toBe(b.privateKey.d);
    expect(publicKeyOf(a.privateKey)).toEqual(a.publicKey);
    expect('d' in a.publicKey).toBe(false);
  });

  it('round-trips base64url and refuses other spellings', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => void expect(base64urlDecode(base64urlEncode(bytes))).toEqual(bytes)));
    expect(['a+b', 'ab=', 'abcde', 'ab c', 'AB']).toEqual(['a+b', 'ab=', 'abcde', 'ab c', 'AB'].filter((s) => base64urlDecode(s) === undefined));
  });
});

describe('packDefinitions and verifyPackage', () => {
  it('round-trips: what is packed verifies and comes back the same', () => {
    const pkg = packed();

    const { value, diagnostics } = verifyPackage(JSON.parse(JSON.stringify(pkg)), trusted);

    expect(diagnostics).toEqual([]);
    expect(value!.definitions).toEqual(examples);
    expect(value!.kid).toBe(huarong.publicKey.kid);
    expect(value!.manifest.entries.map((e) => `${e.kind} ${e.id}@${e.version}`)).toContain('bundle newborn-birth@1.0.0');
    expect(value!.manifest.entries.every((e, i) => e.hash === hashDefinition(examples[i]))).toBe(true);
  });

  it('returns the same definitions for any subset of the examples (property)', () => {
    fc.assert(
      fc.property(fc.subarray(examples, { minLength: 1 }), fc.boolean(), (subset, reorderKeys) => {
        const pkg = packed(subset);
        // A round trip through text, optionally with members reordered: canonical JSON does not care.
        const text = reorderKeys ? JSON.stringify(pkg, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)) : JSON.stringify(pkg);
        const { value, diagnostics } = verifyPackage(JSON.parse(text), trusted);
        expect(diagnostics).toEqual([]);
        expect(value!.definitions).toEqual(subset);
      }),
      { numRuns: 25 },
    );
  });

  it('signs a standard JWS that jose verifies (EdDSA, detached canonical manifest)', async () => {
    const pkg = packed(examples.slice(0, 2));
    const payload = base64urlEncode(new TextEncoder().encode(canonicalize(pkg.manifest)!));

    const { protectedHeader } = await flattenedVerify({ ...pkg.signature, payload }, await importJWK(huarong.publicKey, 'EdDSA'));

    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: huarong.publicKey.kid });
  });

  it('refuses a tampered manifest', () => {
    const pkg = copy(packed());
    pkg.manifest.region = '411502';
    expect(codes(pkg)).toEqual(['package-bad-signature /signature']);
  });

  it('refuses a tampered definition', () => {
    const pkg = copy(packed());
    (pkg.definitions[1] as { title: { en: string } }).title.en = 'Changed';
    expect(codes(pkg)).toEqual(['package-hash-mismatch /definitions/1']);
  });

  it('refuses a definition that was added, dropped or swapped', () => {
    const pkg = packed(examples.slice(0, 3));
    const added = copy(pkg);
    added.definitions.push(examples[4]!);
    const dropped = copy(pkg);
    dropped.definitions.pop();
    const swapped = copy(pkg);
    swapped.definitions.reverse();

    expect(codes(added)).toEqual(['package-entry-mismatch /definitions/3']);
    expect(codes(dropped)).toEqual(['package-entry-mismatch /manifest/entries/2']);
    expect(codes(swapped)).toEqual(['package-entry-mismatch /definitions/0', 'package-entry-mismatch /definitions/2']);
  });

  it('refuses a hash changed in the manifest to match a changed definition', () => {
    const pkg = copy(packed());
    (pkg.definitions[0] as { title: { en: string } }).title.en = 'Changed';
    pkg.manifest.entries[0]!.hash = hashDefinition(pkg.definitions[0]);
    expect(codes(pkg)).toEqual(['package-bad-signature /signature']);
  });

  it('refuses a package signed by a key that is not trusted for its publisher', () => {
    expect(codes(packed(examples, intruder.privateKey))).toEqual(['package-untrusted-key /signature/protected']);
  });

  it('refuses a package re-signed with another key under the trusted key’s kid', () => {
    const forged = packed(examples, { ...intruder.privateKey, kid: huarong.publicKey.kid! });
    expect(codes(forged)).toEqual(['package-bad-signature /signature']);
  });

  it('refuses a package of a publisher no trusted key belongs to', () => {
    const other = generateSigningKey({ seed: seed(3), publisher: 'xinyang-approval-bureau' });
    const { value } = packDefinitions(examples, { ...MANIFEST, publisher: 'xinyang-approval-bureau' }, other.privateKey);
    expect(codes(value)).toEqual(['package-unknown-publisher /manifest/publisher']);
  });

  it('refuses a signature header with another algorithm or unknown critical parameters', () => {
    const pkg = copy(packed());
    const header = (h: object) => base64urlEncode(new TextEncoder().encode(JSON.stringify(h)));
    pkg.signature.protected = header({ alg: 'none', kid: huarong.publicKey.kid });
    const crit = copy(packed());
    crit.signature.protected = header({ alg: 'EdDSA', kid: huarong.publicKey.kid, crit: ['exp'], exp: 1 });

    expect(codes(pkg)).toEqual(['package-malformed /signature/protected']);
    expect(codes(crit)).toEqual(['package-malformed /signature/protected']);
  });

  it('refuses what is not a package, without throwing', () => {
    expect(codes(null)).toEqual(['package-malformed ']);
    expect(codes({ manifest: {}, definitions: 'x' }).slice(0, 3)).toEqual(['package-malformed /manifest/format', 'package-malformed /manifest/publisher', 'package-malformed /manifest/region']);
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => void expect(verifyPackage(value, trusted).value).toBeUndefined()));
  });

  it('reports trusted keys it cannot use: not Ed25519, private, without a publisher', () => {
    const keys = { keys: [{ kty: 'EC', crv: 'P-256', x: 'a', publisher: 'a' }, { ...huarong.privateKey }, { ...huarong.publicKey, publisher: undefined }] } as unknown as TrustedKeys;

    const { diagnostics } = verifyPackage(packed(), keys, { trustFile: 'trust.json' });

    expect(diagnostics.map((d) => `${d.code} ${d.file}#${d.pointer} ${d.message.en}`)).toEqual([
      'package-bad-key trust.json#/keys/0 Not a usable Ed25519 JWK: kty must be "OKP" and crv "Ed25519"',
      'package-bad-key trust.json#/keys/1 Not a usable Ed25519 JWK: a trusted key must be public (no "d")',
      'package-bad-key trust.json#/keys/2 Not a usable Ed25519 JWK: a trusted key must name its publisher',
      'package-unknown-publisher package#/manifest/publisher No trusted key belongs to the publisher huarong-approval-bureau',
    ]);
  });

  it('packs nothing when a definition fails its meta-schema, the key is wrong or the manifest is incomplete', () => {
    const broken = { ...examples[0]!, version: 'one' } as AnyDefinition;
    const mismatched = { ...huarong.privateKey, x: intruder.publicKey.x };

    expect(packDefinitions([broken], MANIFEST, huarong.privateKey).diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['invalid-definition /definitions/0/version']);
    expect(packDefinitions(examples, MANIFEST, mismatched).diagnostics.map((d) => d.message.en)).toEqual(['Not a usable Ed25519 JWK: "x" is not the public key of "d"']);
    expect(packDefinitions(examples, { ...MANIFEST, publisher: 'other-publisher' }, huarong.privateKey).diagnostics.map((d) => d.message.en)).toEqual([
      'Not a usable Ed25519 JWK: the key belongs to the publisher huarong-approval-bureau, not other-publisher',
    ]);
    expect(packDefinitions(examples, { ...MANIFEST, created: 'today' }, huarong.privateKey).value).toBeUndefined();
    expect(packDefinitions([examples[0]!, examples[0]!], MANIFEST, huarong.privateKey).diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['package-malformed /definitions/1']);
  });
});
