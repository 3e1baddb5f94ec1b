import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { report } from '../diagnostics/define.js';
import { schemaCompileFailed } from '../diagnostics/codes/validation.js';
import type { Diagnostic, Result } from '../diagnostics/types.js';
import type { JsonSchema } from '../json.js';
import { createAjv, registerAnnotations } from './ajv.js';
import { chineseFormats } from './formats/index.js';
import { Lru } from './lru.js';
import { collectCustomMessages, toValidationErrors, type MessageContext } from './messages.js';
import type { ShapeValidator, ValidationError } from './types.js';

const formatMessages = Object.fromEntries(chineseFormats.map((f) => [f.name, f]));

export interface ValidatorCacheStats {
  size: number;
  max: number;
  /** Validators returned from the cache. */
  hits: number;
  /** Schemas compiled (each miss compiles once). */
  compiles: number;
  /** All-errors validators compiled: lazily, the first time a schema's data is invalid. */
  errorCompiles: number;
  evictions: number;
}

interface Entry {
  schema: object;
  validate: ShapeValidator;
}

/**
 * Compiled shape validators, bounded (LRU) so a server that loads many definition versions
 * does not grow forever. Owns its ajv instances: evicting an entry also drops ajv's own copy.
 * @example const cache = new ValidatorCache({ max: 100 }); createValidator(schema, { key, cache })
 */
export class ValidatorCache {
  #fast: Ajv2020 | undefined;
  #full: Ajv2020 | undefined;
  #hits = 0;
  #compiles = 0;
  #errorCompiles = 0;
  #evictions = 0;
  readonly #lru: Lru<string | object, Entry>;
  readonly #patterns: 'linear' | 're2';

  /**
   * `max`: how many validators to keep (default 500; 0 compiles on every call).
   * `patterns`: `linear` (default) runs patterns of the deterministic subset natively and the
   * rest on re2js; `re2` runs every pattern on re2js (slower; same answers).
   */
  constructor(options: { max?: number; patterns?: 'linear' | 're2' } = {}) {
    this.#patterns = options.patterns ?? 'linear';
    this.#lru = new Lru(options.max ?? 500, (_key, entry) => {
      this.#evictions++;
      this.#forget(entry.schema);
    });
  }

  /** Counters for tests, metrics and the benchmark. */
  stats(): ValidatorCacheStats {
    return {
      size: this.#lru.size,
      max: this.#lru.max,
      hits: this.#hits,
      compiles: this.#compiles,
      errorCompiles: this.#errorCompiles,
      evictions: this.#evictions,
    };
  }

  /** Drops every validator. */
  clear(): void {
    this.#lru.clear();
  }

  /** @internal The validator for `key`, compiling `schema` on a miss; throws ajv's error on a bad schema. */
  get(key: string | object, schema: JsonSchema): ShapeValidator {
    const hit = this.#lru.get(key);
    if (hit) {
      this.#hits++;
      return hit.validate;
    }
    const validate = this.#compile(schema);
    if (!this.#lru.set(key, { schema, validate })) this.#forget(schema);
    return validate;
  }

  #forget(schema: object): void {
    this.#fast?.removeSchema(schema);
    this.#full?.removeSchema(schema);
  }

  /**
   * Two compilations of one schema: a fast one that stops at the first error answers the
   * common case (valid data); only invalid data runs the one that collects every error.
   */
  #compile(schema: JsonSchema): ShapeValidator {
    this.#fast ??= createAjv({ allErrors: false, patterns: this.#patterns });
    const fast = this.#fast;
    registerAnnotations(fast, schema);
    let quick: ValidateFunction;
    try {
      quick = fast.compile(schema);
    } catch (error) {
      fast.removeSchema(schema);
      throw error;
    }
    this.#compiles++;
    let all: ValidateFunction | undefined;
    let context: MessageContext | undefined;
    return (data) => {
      if (quick(data)) return [];
      if (!all) {
        this.#full ??= createAjv({ allErrors: true, patterns: this.#patterns });
        registerAnnotations(this.#full, schema);
        all = this.#full.compile(schema);
        this.#errorCompiles++;
        context = { formats: formatMessages, custom: collectCustomMessages(schema) };
      }
      all(data);
      return toValidationErrors(all.errors, context);
    };
  }
}

/** The cache `createValidator` and `validateData` use unless given another. */
export const defaultValidatorCache = new ValidatorCache();

export interface ValidatorOptions {
  /**
   * What identifies the schema, e.g. `birth-medical-certificate@1.2.0#<hash>`: the same key
   * returns the same validator without looking at the schema again. Without a key the schema
   * object itself is the key (so don't mutate a schema after validating with it).
   */
  key?: string;
  cache?: ValidatorCache;
}

/** @internal Why a schema failed to compile, as a diagnostic pointing into the schema. */
export function compileDiagnostics(error: unknown): Diagnostic[] {
  const reason = error instanceof Error ? error.message : String(error);
  // ajv names the place in its messages: `schema is invalid: data/properties/x/type must …`
  // (meta-schema) or `… at path "#/properties/x"` / `at "#/properties/x"` (strict mode, formats).
  const at = /^schema is invalid: data(\/\S*)/.exec(reason)?.[1] ?? /\bat (?:path )?"#([^"]*)"/.exec(reason)?.[1] ?? '';
  return [report(schemaCompileFailed, { pointer: decodeURIComponent(at) }, { reason })];
}

/** Thrown by `createValidator` when a schema cannot be compiled; carries the diagnostics. */
export class SchemaCompileError extends Error {
  readonly code = 'schema-compile-failed';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message.en).join('; '));
    this.name = 'SchemaCompileError';
  }
}

/**
 * Compiles a shape validator, or explains why it cannot: never throws. The validator is
 * cached (see `createValidator`).
 * @example const { value, diagnostics } = compileValidator(item.schema, { key: `${item.id}@${item.version}` })
 */
export function compileValidator(schema: JsonSchema, options: ValidatorOptions = {}): Result<ShapeValidator | undefined> {
  try {
    return { value: createValidator(schema, options), diagnostics: [] };
  } catch (error) {
    return { value: undefined, diagnostics: error instanceof SchemaCompileError ? error.diagnostics : compileDiagnostics(error) };
  }
}

/**
 * The shape validator of a schema: ajv 2020-12, strict, every format, patterns with RE2;
 * compiled once and cached by `key` (or by the schema object). Returns the errors with
 * messages in zh-CN and en; an empty array when the data is valid.
 * Throws `SchemaCompileError` (with diagnostics) for a schema that cannot compile — lint first.
 * @example
 * const validate = createValidator(composed.schema, { key: `${id}@${version}#${hash}` });
 * validate({ mother: { idNumber: '11010519491231002X' } }) // []
 */
export function createValidator(schema: JsonSchema, options: ValidatorOptions = {}): ShapeValidator {
  const cache = options.cache ?? defaultValidatorCache;
  try {
    return cache.get(options.key ?? schema, schema);
  } catch (error) {
    throw new SchemaCompileError(compileDiagnostics(error));
  }
}

/**
 * Validates data against a schema with the cached validator (see `createValidator`).
 * @example validateData({ type: 'string', format: 'mobile' }, '13800138000') // []
 */
export function validateData(schema: JsonSchema, data: unknown, options: ValidatorOptions = {}): ValidationError[] {
  return createValidator(schema, options)(data);
}
