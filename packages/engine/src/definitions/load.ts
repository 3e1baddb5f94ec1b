import type { Diagnostic, Result } from '../diagnostics/types.js';
import { pointer, report } from '../diagnostics/define.js';
import {
  duplicateConcept,
  duplicateELicense,
  duplicateId,
  invalidDefinition,
  jsonSyntaxError,
  jsonTooDeep,
  missingKind,
  notJsonValue,
  unknownKind,
} from '../diagnostics/codes/definition.js';
import { lint } from '../lint/index.js';
import type { Registry } from './registry-types.js';
import type { ConceptDictionary } from './types.generated.js';
import { hashDefinition } from './hash.js';
import { checkJsonValue } from './json-value.js';
import { DEFINITION_KINDS, validateDefinition, type DefinitionKind } from './meta-validate.js';
import { parseJson } from './parse.js';
import { createRegistryBuilder, type RegistryBuilder } from './registry.js';

/** One definition file: its path (used in diagnostics) and its text, or an already parsed value. */
export interface DefinitionFile {
  path: string;
  content: string | unknown;
}

export interface LoadOptions {
  /** Run the lint rules after indexing (default true). */
  lint?: boolean;
}

/** Files nesting deeper than this are refused before anything recursive touches them. */
export const MAX_JSON_DEPTH = 256;
/** At most this many meta-schema problems are reported per file. */
const MAX_PROBLEMS_PER_FILE = 20;

/**
 * Loads definition files into a registry: parses JSON, detects `kind`, validates each
 * file against its meta-schema, indexes what passed, then runs `lint`. Never throws:
 * every problem is a diagnostic with the file and a JSON pointer. A file with errors is
 * left out of the registry; the others still load.
 * @example
 * const { value: registry, diagnostics } = load([{ path: 'items/birth.json', content: text }]);
 * registry.resolveItem('birth-medical-certificate', '^1.0.0');
 */
export function load(files: ReadonlyArray<DefinitionFile>, options: LoadOptions = {}): Result<Registry> {
  const builder = createRegistryBuilder();
  const diagnostics: Diagnostic[] = [];
  const list: ReadonlyArray<unknown> = Array.isArray(files) ? files : [];
  list.forEach((entry, index) => {
    const file = isRecord(entry) && typeof entry.path === 'string' ? entry.path : `<file ${index + 1}>`;
    try {
      diagnostics.push(...loadFile(builder, file, isRecord(entry) ? entry.content : entry));
    } catch (error) {
      // Only a value that misbehaves while being read (a throwing getter, a proxy) gets here.
      diagnostics.push(report(notJsonValue, { file, pointer: '' }, { found: error instanceof Error ? error.message : 'unreadable' }));
    }
  });
  if (options.lint !== false) diagnostics.push(...lint(builder.registry));
  return { value: builder.registry, diagnostics };
}

function loadFile(builder: RegistryBuilder, file: string, content: unknown): Diagnostic[] {
  let value: unknown = content;
  if (typeof content === 'string') {
    const parsed = parseJson(content);
    if (!parsed.ok) return [report(jsonSyntaxError, { file, pointer: '' }, parsed.error)];
    value = parsed.value;
  }
  const notJson = checkJsonValue(value, MAX_JSON_DEPTH);
  if (notJson?.tooDeep) return [report(jsonTooDeep, { file, pointer: notJson.pointer }, { limit: MAX_JSON_DEPTH })];
  if (notJson) return [report(notJsonValue, { file, pointer: notJson.pointer }, { found: notJson.found })];

  if (!isRecord(value) || !('kind' in value)) return [report(missingKind, { file, pointer: '' }, {})];
  const kind = value.kind;
  if (!DEFINITION_KINDS.includes(kind as DefinitionKind)) {
    return [report(unknownKind, { file, pointer: '/kind' }, { kind: JSON.stringify(kind) ?? String(kind) })];
  }
  const problems = validateDefinition(kind as DefinitionKind, value);
  if (problems.length) {
    rememberRejected(builder, kind as DefinitionKind, value);
    return problems.slice(0, MAX_PROBLEMS_PER_FILE).map((p) => report(invalidDefinition, { file, pointer: p.pointer }, { problem: p.problem }));
  }
  return index(builder, kind as DefinitionKind, value, file);
}

function index(builder: RegistryBuilder, kind: DefinitionKind, definition: Record<string, unknown>, file: string): Diagnostic[] {
  const loaded = { definition, file, hash: hashDefinition(definition) };
  const first = builder.add(kind, loaded);
  if (first !== undefined) {
    return [report(duplicateId, { file, pointer: '/id' }, { kind, id: String(definition.id), version: String(definition.version), first })];
  }
  if (kind !== 'concepts') return [];
  const dictionary = definition as unknown as ConceptDictionary;
  const diagnostics: Diagnostic[] = [];
  for (const [id, concept] of Object.entries(dictionary.concepts)) {
    if (!concept) continue;
    const at = pointer('concepts', id);
    const taken = builder.addConcept({ id, concept, dictionary: dictionary.id, file, pointer: at });
    if (taken !== undefined) diagnostics.push(report(duplicateConcept, { file, pointer: at }, { concept: id, first: taken }));
  }
  for (const [id, type] of Object.entries(dictionary.eLicenses ?? {})) {
    if (!type) continue;
    const at = pointer('eLicenses', id);
    const taken = builder.addELicense({ id, type, file, pointer: at });
    if (taken !== undefined) diagnostics.push(report(duplicateELicense, { file, pointer: at }, { type: id, first: taken }));
  }
  return diagnostics;
}

function rememberRejected(builder: RegistryBuilder, kind: DefinitionKind, value: Record<string, unknown>): void {
  const { rejected } = builder;
  if (kind === 'item' && typeof value.id === 'string') rejected.items.add(value.id);
  if (kind === 'bundle' && typeof value.id === 'string') rejected.bundles.add(value.id);
  if (kind === 'concepts') {
    if (isRecord(value.concepts)) for (const id of Object.keys(value.concepts)) rejected.concepts.add(id);
    if (isRecord(value.eLicenses)) for (const id of Object.keys(value.eLicenses)) rejected.eLicenses.add(id);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
