import type { Json } from '../json.js';
import type { ComposedBundle, ComposedMaterial, MaterialValue } from '../compose/types.js';
import type { ShapeValidator, ValidationError } from '../validate/types.js';
import { escapePointer } from '../diagnostics/define.js';
import { createFormState } from './form-state.js';
import { getPath, isEmptyValue, isJsonObject, putPath, type JsonObject } from './paths.js';
import { planOf } from './plan.js';
import {
  eLicenseMessage,
  fileSizeMessage,
  fileTypeMessage,
  malformedMessage,
  requiredMaterialMessage,
  requiredMessage,
  tooManyFilesMessage,
} from './messages.js';

/** Options of `checkSubmission`. */
export interface CheckOptions {
  /** The current date for date rules; the engine never reads the clock. */
  now?: string | Date;
  utcOffsetMinutes?: number;
  /** A shape validator for the answers (compiled from `composed.questions` without `required`). */
  validateAnswers?: ShapeValidator;
}

/** The verdict on a submission, and what may be stored of it. */
export interface CheckResult {
  ok: boolean;
  /** ajv-shaped errors; `instancePath` points into the submission (`/data/mother/name`, `/answers/x`, `/materials/id`). */
  errors: ValidationError[];
  /** The data to store: filled-in visible fields only (no `""`, `null` or `[]`), computed values applied. */
  data: Record<string, Json>;
  /** The answers to store: known, visible questions only. */
  answers: Record<string, Json>;
  /** The materials to store: those asked for only. */
  materials: Record<string, MaterialValue>;
}

function toPointer(path: string): string {
  return path === '' ? '' : `/${path.split('.').map(escapePointer).join('/')}`;
}

/** Keeps the filled-in, visible values and lists of `data`, nothing else (`""`, `null` and `[]` count as not filled in: `isEmptyValue`). */
function prune(composed: ComposedBundle, data: Record<string, Json>, visible: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  for (const [path, field] of Object.entries(composed.fields)) {
    if (field.kind === 'group' || !visible.has(path)) continue;
    const value = getPath(data, path);
    if (!isEmptyValue(value)) putPath(out, path, value!);
  }
  return out;
}

/**
 * Checks a submission the way the server will: prunes hidden fields and fields of inactive
 * items (they are never stored), applies computed values, runs the shape validator on the
 * data, and adds `required` errors for missing required fields, questions and materials, and
 * errors for materials that break their limits. Runs in the browser (with a standalone
 * validator) and on the server (with the cached one) alike.
 * @example
 * const { ok, errors, data } = checkSubmission(composed, { answers, data, materials }, validateShape);
 */
export function checkSubmission(
  composed: ComposedBundle,
  submission: unknown,
  validateShape?: ShapeValidator | null,
  options: CheckOptions = {},
): CheckResult {
  const plan = planOf(composed);
  const errors: ValidationError[] = [];
  const input = isJsonObject(submission as Json) ? (submission as JsonObject) : {};
  const part = (key: 'answers' | 'data' | 'materials'): JsonObject => {
    const value = input[key];
    if (value === undefined || isJsonObject(value)) return value ?? {};
    errors.push({ keyword: 'type', instancePath: `/${key}`, params: { type: 'object' }, message: malformedMessage(key) });
    return {};
  };
  const rawAnswers = part('answers');

  // The form state decides visibility the way the form showed it: no hidden value decides what else is shown.
  const state = createFormState(composed, {
    answers: rawAnswers,
    data: part('data'),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: options.utcOffsetMinutes } : {}),
  }).current;
  const rawMaterials = part('materials');
  const answers: JsonObject = {};
  for (const name of plan.questions) if (state.questions.visible.has(name) && Object.hasOwn(state.answers, name)) answers[name] = state.answers[name]!;
  const data = prune(composed, state.data, state.visible);

  // Data: shape, then requiredness.
  if (validateShape) for (const error of validateShape(data)) errors.push({ ...error, instancePath: `/data${error.instancePath}` });
  for (const path of plan.paths) {
    if (!state.required.has(path) || !isEmptyValue(getPath(data, path))) continue;
    const dot = path.lastIndexOf('.');
    errors.push({
      keyword: 'required',
      instancePath: `/data${toPointer(dot === -1 ? '' : path.slice(0, dot))}`,
      params: { missingProperty: path.slice(dot + 1) },
      message: requiredMessage(plan.titles.get(path), path),
    });
  }

  // Answers.
  if (options.validateAnswers) for (const error of options.validateAnswers(answers)) errors.push({ ...error, instancePath: `/answers${error.instancePath}` });
  for (const name of plan.questions) {
    if (!state.questions.required.has(name) || (Object.hasOwn(answers, name) && !isEmptyValue(answers[name]))) continue;
    errors.push({ keyword: 'required', instancePath: '/answers', params: { missingProperty: name }, message: requiredMessage(plan.titles.get(`answers:${name}`), name) });
  }

  // Materials.
  const materials: Record<string, MaterialValue> = {};
  for (const material of composed.materials) {
    if (!state.materials.visible.has(material.id)) continue;
    const value = Object.prototype.hasOwnProperty.call(rawMaterials, material.id) ? rawMaterials[material.id] : undefined;
    if (value === undefined || value === null) {
      if (state.materials.required.has(material.id)) {
        errors.push({ keyword: 'required', instancePath: '/materials', params: { missingProperty: material.id }, message: requiredMaterialMessage(material.title) });
      }
      continue;
    }
    const problems = checkMaterial(material, value);
    errors.push(...problems);
    if (problems.length === 0) materials[material.id] = value as unknown as MaterialValue;
  }

  return { ok: errors.length === 0, errors, data, answers, materials };
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Checks one provided material: uploaded files within its limits, or an e-licence of its type (a number, if any, not blank). */
function checkMaterial(material: ComposedMaterial, value: Json): ValidationError[] {
  const at = `/materials/${escapePointer(material.id)}`;
  const malformed = (path: string): ValidationError => ({ keyword: 'type', instancePath: `${at}${path}`, params: {}, message: malformedMessage(`${material.id}${path}`) });
  if (!isJsonObject(value)) return [malformed('')];
  if ('eLicense' in value) {
    const licence = value.eLicense;
    // the number is optional (the department retrieves the licence by type), but when given it says something
    const number = isJsonObject(licence) ? licence.number : undefined;
    if (!isJsonObject(licence) || typeof licence.type !== 'string' || (number !== undefined && (typeof number !== 'string' || number.trim() === ''))) {
      return [malformed('/eLicense')];
    }
    if (!material.eLicense || licence.type !== material.eLicense) {
      return [{ keyword: 'const', instancePath: `${at}/eLicense/type`, params: { allowedValue: material.eLicense ?? null }, message: eLicenseMessage(material.title, material.eLicense ?? '—') }];
    }
    return [];
  }
  const files = value.files;
  if (!Array.isArray(files) || files.length === 0) return [malformed('/files')];
  const errors: ValidationError[] = [];
  if (files.length > material.maxFiles) {
    errors.push({ keyword: 'maxItems', instancePath: `${at}/files`, params: { limit: material.maxFiles }, message: tooManyFilesMessage(material.title, material.maxFiles) });
  }
  files.forEach((file, i) => {
    if (
      !isJsonObject(file) ||
      typeof file.sha256 !== 'string' ||
      !SHA256.test(file.sha256) ||
      typeof file.name !== 'string' ||
      typeof file.size !== 'number' ||
      !Number.isInteger(file.size) ||
      file.size < 0 ||
      typeof file.type !== 'string'
    ) {
      errors.push(malformed(`/files/${i}`));
      return;
    }
    if (!material.accept.includes(file.type)) {
      errors.push({ keyword: 'enum', instancePath: `${at}/files/${i}/type`, params: { allowedValues: material.accept }, message: fileTypeMessage(material.title, material.accept) });
    }
    if (file.size > material.maxBytes) {
      errors.push({ keyword: 'maximum', instancePath: `${at}/files/${i}/size`, params: { comparison: '<=', limit: material.maxBytes }, message: fileSizeMessage(material.title, material.maxBytes) });
    }
  });
  return errors;
}

/**
 * Where an error of `checkSubmission` belongs: the part of the submission and the dotted path in it.
 * @example errorLocation({ keyword: 'required', instancePath: '/data/mother', params: { missingProperty: 'name' }, message }) // { part: 'data', path: 'mother.name' }
 */
export function errorLocation(error: ValidationError): { part: 'answers' | 'data' | 'materials' | 'submission'; path: string } {
  const tokens = error.instancePath.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const part = tokens.shift();
  const missing = error.keyword === 'required' && typeof error.params.missingProperty === 'string' ? [error.params.missingProperty] : [];
  const path = [...tokens, ...missing].join('.');
  return part === 'answers' || part === 'data' || part === 'materials' ? { part, path } : { part: 'submission', path };
}
