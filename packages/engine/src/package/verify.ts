import type { Diagnostic, Result } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import {
  packageBadKey,
  packageBadSignature,
  packageEntryMismatch,
  packageHashMismatch,
  packageMalformed,
  packageUnknownPublisher,
  packageUntrustedKey,
} from '../diagnostics/codes/exchange.js';
import { checkJsonValue } from '../definitions/json-value.js';
import { hashDefinition } from '../definitions/hash.js';
import { MAX_JSON_DEPTH } from '../definitions/load.js';
import { text } from '../text.js';
import { readPublicKey } from './keys.js';
import { packageShapeProblems } from './shape.js';
import { readProtectedHeader, verifyManifest } from './signature.js';
import type { AnyDefinition, DefinitionPackage, TrustedKeys, VerifiedPackage } from './types.js';

export interface VerifyOptions {
  /** The package's file name in diagnostics (default `package`). */
  file?: string;
  /** The trusted keys' file name in diagnostics (default `trusted keys`). */
  trustFile?: string;
}

/**
 * Verifies a package against the keys the importing region trusts (a JWK Set whose keys name
 * their `publisher`): the signature must be valid, by a trusted key of the manifest's
 * publisher, and every definition must match its manifest entry (kind, id, version, hash).
 * Reports every problem found — a tampered manifest (`package-bad-signature`), a changed
 * definition (`package-hash-mismatch`), an added or dropped one (`package-entry-mismatch`), an
 * unknown publisher or key — and returns the definitions only when there is none.
 * @example
 * const { value, diagnostics } = verifyPackage(JSON.parse(text), { keys: [huarongPublicKey] });
 * if (value) for (const definition of value.definitions) write(definitionPath(definition), definition);
 */
export function verifyPackage(pkg: unknown, trustedKeys: TrustedKeys, options: VerifyOptions = {}): Result<VerifiedPackage | undefined> {
  const file = options.file ?? 'package';
  const trustFile = options.trustFile ?? 'trusted keys';
  const notJson = checkJsonValue(pkg, MAX_JSON_DEPTH);
  if (notJson) return refuse(report(packageMalformed, { file, pointer: notJson.pointer }, { problem: text(`不是 JSON（${notJson.found}）`, `not JSON (${notJson.found})`) }));
  const shape = packageShapeProblems(pkg);
  if (shape.length) return { value: undefined, diagnostics: shape.map((p) => report(packageMalformed, { file, pointer: p.pointer }, { problem: p.problem })) };
  const { manifest, definitions, signature } = pkg as DefinitionPackage;

  const diagnostics: Diagnostic[] = [];
  const header = readProtectedHeader(signature.protected);
  if (!header) {
    diagnostics.push(report(packageMalformed, { file, pointer: '/signature/protected' }, { problem: text('受保护头须为 {"alg":"EdDSA","kid":…}', 'the protected header must be {"alg":"EdDSA","kid":…}') }));
  }

  const trusted = readTrusted(trustedKeys, trustFile, diagnostics);
  const ofPublisher = trusted.filter((k) => k.publisher === manifest.publisher);
  if (!ofPublisher.length) diagnostics.push(report(packageUnknownPublisher, { file, pointer: '/manifest/publisher' }, { publisher: manifest.publisher }));
  else if (header) {
    const key = ofPublisher.find((k) => k.kid === header.kid);
    if (!key) diagnostics.push(report(packageUntrustedKey, { file, pointer: '/signature/protected' }, { kid: header.kid, publisher: manifest.publisher }));
    else if (!verifyManifest(manifest, signature, key.key)) diagnostics.push(report(packageBadSignature, { file, pointer: '/signature' }, { kid: header.kid }));
  }

  diagnostics.push(...checkEntries(manifest.entries, definitions, file));
  if (diagnostics.some((d) => d.severity === 'error')) return { value: undefined, diagnostics };
  return { value: { manifest, definitions, kid: header!.kid }, diagnostics };
}

function refuse(diagnostic: Diagnostic): Result<undefined> {
  return { value: undefined, diagnostics: [diagnostic] };
}

/** The usable trusted keys; each unusable one is a `package-bad-key` diagnostic. */
function readTrusted(trustedKeys: TrustedKeys, file: string, diagnostics: Diagnostic[]): Array<{ kid: string; publisher: string; key: Uint8Array }> {
  const list: unknown = typeof trustedKeys === 'object' && trustedKeys !== null ? (trustedKeys as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(list)) {
    diagnostics.push(report(packageBadKey, { file, pointer: '' }, { problem: text('受信任的密钥须为 JWK Set：{ "keys": [...] }', 'trusted keys must be a JWK Set: { "keys": [...] }') }));
    return [];
  }
  const usable: Array<{ kid: string; publisher: string; key: Uint8Array }> = [];
  list.forEach((jwk, i) => {
    const reading = readPublicKey(jwk);
    if (!reading.ok) return diagnostics.push(report(packageBadKey, { file, pointer: `/keys/${i}` }, { problem: reading.problem }));
    if (reading.publisher === undefined) {
      return diagnostics.push(report(packageBadKey, { file, pointer: `/keys/${i}` }, { problem: text('受信任的密钥须注明 publisher', 'a trusted key must name its publisher') }));
    }
    usable.push({ kid: reading.kid, publisher: reading.publisher, key: reading.key });
  });
  return usable;
}

/** Definitions must correspond to the entries one to one, in order, with matching hashes. */
function checkEntries(entries: DefinitionPackage['manifest']['entries'], definitions: unknown[], file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const count = Math.max(entries.length, definitions.length);
  for (let i = 0; i < count; i++) {
    const entry = entries[i];
    const definition = definitions[i] as Partial<AnyDefinition> | undefined;
    const at = { file, pointer: `/definitions/${i}` };
    if (!entry) {
      found.push(report(packageEntryMismatch, at, { problem: text(`第 ${i + 1} 个定义未列在清单中`, `definition ${i + 1} is not listed in the manifest`) }));
      continue;
    }
    const name = `${entry.kind} ${entry.id}@${entry.version}`;
    if (definition === undefined) {
      found.push(report(packageEntryMismatch, { file, pointer: `/manifest/entries/${i}` }, { problem: text(`清单列出的 ${name} 不在包中`, `${name} is listed in the manifest but missing from the package`) }));
      continue;
    }
    if (typeof definition !== 'object' || definition === null || definition.kind !== entry.kind || definition.id !== entry.id || definition.version !== entry.version) {
      found.push(report(packageEntryMismatch, at, { problem: text(`第 ${i + 1} 个定义不是清单所列的 ${name}`, `definition ${i + 1} is not ${name}, as the manifest lists`) }));
      continue;
    }
    if (hashDefinition(definition) !== entry.hash) found.push(report(packageHashMismatch, at, { entry: name }));
  }
  return found;
}
