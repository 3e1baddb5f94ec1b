import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import { text, type JsonSchema, type Text } from '@onething/engine';
import type { RouteDescriptor } from './route.js';
import { componentSchemas, patternMessages } from './schemas.js';
import { HttpError } from './errors.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
// ajv-i18n is CommonJS: its module.exports is the function itself.
const localizeZh = localizeZhModule as unknown as (errors: ErrorObject[] | null | undefined) => void;
const COMPONENTS_ID = 'urn:onething:api-components';

/** Rewrites `#/components/schemas/X` refs to the ajv-registered components. */
function rewriteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`) : rewriteRefs(v);
  }
  return out;
}

function newAjv(coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: false, coerceTypes, useDefaults: false });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(componentSchemas) as Record<string, unknown> });
  return ajv;
}

/** The validators of one route. */
export interface RouteValidators {
  body?: ValidateFunction;
  query?: ValidateFunction;
  params?: ValidateFunction;
}

/**
 * Compiles the request validators of every route once, from the same schemas the OpenAPI
 * document shows. Query and path values are coerced from strings (`limit=20` → 20).
 * @example const validators = compileValidators(routes); validators.get(route)?.body?.(req.body)
 */
export function compileValidators(routes: readonly RouteDescriptor[]): Map<RouteDescriptor, RouteValidators> {
  const strictAjv = newAjv(false);
  const coercingAjv = newAjv(true);
  const map = new Map<RouteDescriptor, RouteValidators>();
  const objectOf = (entries: Record<string, { schema: JsonSchema; required?: boolean }>, requireAll: boolean) => ({
    type: 'object',
    properties: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, rewriteRefs(v.schema)])),
    required: Object.entries(entries)
      .filter(([, v]) => requireAll || v.required)
      .map(([k]) => k),
  });
  for (const route of routes) {
    const v: RouteValidators = {};
    if (route.body && !('binary' in route.body)) v.body = strictAjv.compile(rewriteRefs(route.body.schema) as object);
    if (route.query) v.query = coercingAjv.compile(objectOf(route.query, false));
    if (route.params) v.params = coercingAjv.compile(objectOf(route.params, true));
    map.set(route, v);
  }
  return map;
}

/**
 * Runs a validator and throws `invalid-request` with a pointer and a bilingual detail
 * when the value does not match.
 * @example check(validators.body, body, '') // pointer '/data/mother/name' on failure
 */
export function check(validate: ValidateFunction | undefined, value: unknown, prefix: string): void {
  if (!validate || validate(value)) return;
  const errors = validate.errors ?? [];
  const first = errors[0];
  if (!first) throw new HttpError('invalidRequest', { pointer: prefix || '' });
  const zh = errors.map((e) => ({ ...e })) as ErrorObject[];
  localizeZh(zh);
  const where = pointerOf(first);
  throw new HttpError('invalidRequest', {
    pointer: `${prefix}${where}`,
    detail: wordedPattern(first, where || '/') ?? text(`${where || '/'} ${zh[0]?.message ?? ''}`.trim(), `${where || '/'} ${first.message ?? ''}`.trim()),
  });
}

/** A pattern error in words (`patternMessages`), naming the property when its name broke the pattern. */
function wordedPattern(error: ErrorObject, where: string): Text | undefined {
  const message = error.keyword === 'pattern' ? patternMessages.get(String(error.params['pattern'])) : undefined;
  if (!message) return undefined;
  if (error.propertyName === undefined) return text(`${where} ${message['zh-CN']}`, `${where} ${message.en}`);
  return text(`${where} 中的名称“${error.propertyName}”${message['zh-CN']}`, `${where}: the name "${error.propertyName}" ${message.en}`);
}

/** The pointer of an ajv error, naming the missing or extra property itself. */
function pointerOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const child = typeof p['missingProperty'] === 'string' ? p['missingProperty'] : typeof p['additionalProperty'] === 'string' ? p['additionalProperty'] : undefined;
  return child === undefined ? error.instancePath : `${error.instancePath}/${child.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
