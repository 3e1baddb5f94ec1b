import type { Diagnostic, Result } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { invalidDefinition, notJsonValue } from '../diagnostics/codes/definition.js';
import { packageBadKey, packageMalformed } from '../diagnostics/codes/exchange.js';
import { checkJsonValue } from '../definitions/json-value.js';
import { DEFINITION_KINDS, validateDefinition, type DefinitionKind } from '../definitions/meta-validate.js';
import { hashDefinition } from '../definitions/hash.js';
import { MAX_JSON_DEPTH } from '../definitions/load.js';
import { text } from '../text.js';
import { readPrivateKey } from './keys.js';
import { manifestFieldProblems } from './shape.js';
import { signManifest } from './signature.js';
import { PACKAGE_FORMAT, type AnyDefinition, type DefinitionPackage, type Ed25519PrivateJwk, type PackageEntry } from './types.js';

/** What the publisher says about a package; `pack` adds the format and the entries. */
export interface PackManifestInput {
  publisher: string;
  region: string;
  /** ISO 8601 date-time; passed in, so packing stays pure. */
  created: string;
}

/**
 * Packs definitions for another region: a manifest listing each definition (kind, id, version,
 * sha-256 of its canonical JSON), signed with the publisher's Ed25519 key (a JWS over the
 * manifest's RFC 8785 form). Every definition must pass its meta-schema; nothing is signed
 * otherwise. Returns diagnostics instead of throwing; `file` names the package in them.
 * @example
 * const { value: pkg } = packDefinitions([item, bundle], { publisher: 'huarong-approval-bureau', region: '420703', created: new Date().toISOString() }, privateKey);
 * JSON.stringify(pkg) // write it to newborn-birth.otpkg.json
 */
export function packDefinitions(
  definitions: ReadonlyArray<AnyDefinition>,
  manifest: PackManifestInput,
  privateKey: Ed25519PrivateJwk,
  file = 'package',
): Result<DefinitionPackage | undefined> {
  const diagnostics: Diagnostic[] = [];
  const fields = manifestFieldProblems((manifest ?? {}) as unknown as Record<string, unknown>, '/manifest');
  diagnostics.push(...fields.map((p) => report(packageMalformed, { file, pointer: p.pointer }, { problem: p.problem })));
  const key = readPrivateKey(privateKey);
  if (!key.ok) diagnostics.push(report(packageBadKey, { file, pointer: '/signature' }, { problem: key.problem }));
  else if (key.publisher !== undefined && key.publisher !== manifest.publisher) {
    const problem = text(`此密钥属于发布者 ${key.publisher}，而不是 ${manifest.publisher}`, `the key belongs to the publisher ${key.publisher}, not ${manifest.publisher}`);
    diagnostics.push(report(packageBadKey, { file, pointer: '/signature' }, { problem }));
  }

  const entries: PackageEntry[] = [];
  const seen = new Set<string>();
  (Array.isArray(definitions) ? definitions : []).forEach((definition: unknown, i) => {
    const at = `/definitions/${i}`;
    const notJson = checkJsonValue(definition, MAX_JSON_DEPTH);
    if (notJson) return diagnostics.push(report(notJsonValue, { file, pointer: `${at}${notJson.pointer}` }, { found: notJson.found }));
    const kind = (definition as { kind?: unknown })?.kind;
    if (!DEFINITION_KINDS.includes(kind as DefinitionKind)) {
      return diagnostics.push(report(packageMalformed, { file, pointer: at }, { problem: text('不是定义（kind 未知）', 'not a definition (unknown kind)') }));
    }
    const problems = validateDefinition(kind as DefinitionKind, definition);
    if (problems.length) return diagnostics.push(...problems.slice(0, 20).map((p) => report(invalidDefinition, { file, pointer: `${at}${p.pointer}` }, { problem: p.problem })));
    const { id, version } = definition as AnyDefinition;
    const name = `${String(kind)} ${id}@${version}`;
    if (seen.has(name)) return diagnostics.push(report(packageMalformed, { file, pointer: at }, { problem: text(`${name} 重复`, `${name} is given twice`) }));
    seen.add(name);
    entries.push({ kind: kind as AnyDefinition['kind'], id, version, hash: hashDefinition(definition) });
  });
  if (!entries.length && !diagnostics.length) diagnostics.push(report(packageMalformed, { file, pointer: '/definitions' }, { problem: text('没有要打包的定义', 'no definitions to pack') }));
  if (diagnostics.some((d) => d.severity === 'error') || !key.ok) return { value: undefined, diagnostics };

  const signed = { format: PACKAGE_FORMAT, publisher: manifest.publisher, region: manifest.region, created: manifest.created, entries } as const;
  const copies = JSON.parse(JSON.stringify(definitions)) as AnyDefinition[];
  return { value: { manifest: signed, definitions: copies, signature: signManifest(signed, key.secret, key.kid) }, diagnostics };
}
