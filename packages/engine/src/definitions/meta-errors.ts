import type { ErrorObject } from 'ajv';
import { escapePointer } from '../diagnostics/define.js';
import { text, type Text } from '../text.js';
import { definitionId } from './id.js';
import { isSchemaObject } from './schema-walk.js';

/** One problem worth telling the author: where (JSON pointer into the file) and what. */
export interface Explained {
  pointer: string;
  problem: Text;
}

/**
 * Turns ajv's errors (compiled with `allErrors` and `verbose`) into the few an author needs:
 * for `oneOf`/`anyOf` it keeps only the branches whose type fits the value (so an object
 * where a string-or-array was expected yields one message, not one per branch), folds
 * `propertyNames` errors into one per offending name, and words each in zh-CN and en.
 * @example explainErrors(validate.errors ?? []) // [{ pointer: '/limits', problem: { en: 'missing required property "visits"', … } }]
 */
export function explainErrors(errors: ReadonlyArray<ErrorObject>): Explained[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || error.propertyName !== undefined) continue;
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      const under = (e: ErrorObject) => e.instancePath === error.instancePath || e.instancePath.startsWith(`${error.instancePath}/`);
      const branches = kept.filter(under);
      const fitting = branches.filter((e) => !(e.keyword === 'type' && e.instancePath === error.instancePath));
      const rest = kept.filter((e) => !under(e));
      kept.length = 0;
      kept.push(...rest, ...(fitting.length ? fitting : [withTypes(error, branches)]));
      continue;
    }
    kept.push(error);
  }
  const seen = new Set<string>();
  return kept.map(explain).filter((e) => {
    const key = `${e.pointer}\u0000${e.problem.en}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** A oneOf/anyOf where no branch's type fits: remember the types the branches wanted. */
function withTypes(error: ErrorObject, branches: ErrorObject[]): ErrorObject {
  const types = branches.filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
  return types.length ? { ...error, keyword: 'type', params: { type: types.join(',') } } : error;
}

const TYPE_NAMES: Record<string, Text> = {
  string: text('字符串', 'a string'),
  number: text('数字', 'a number'),
  integer: text('整数', 'an integer'),
  boolean: text('布尔值', 'a boolean'),
  object: text('对象', 'an object'),
  array: text('数组', 'an array'),
  null: text('null', 'null'),
};

function typeNames(types: string): Text {
  const names = types.split(',').map((t) => TYPE_NAMES[t] ?? text(t, t));
  return text(names.map((n) => n['zh-CN']).join('或'), names.map((n) => n.en).join(' or '));
}

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function explain(error: ErrorObject): Explained {
  const at = error.instancePath;
  const p = error.params as Record<string, any>;
  const parent = isSchemaObject(error.parentSchema) ? error.parentSchema : {};
  const named = typeof parent.title === 'string' ? ` (${parent.title})` : '';
  switch (error.keyword) {
    case 'required':
      return { pointer: at, problem: text(`缺少必需的属性“${p.missingProperty}”`, `missing required property "${p.missingProperty}"`) };
    case 'additionalProperties': {
      const allowed = isSchemaObject(parent.properties) ? Object.keys(parent.properties) : [];
      const list = allowed.length ? allowed.slice(0, 15).join(', ') + (allowed.length > 15 ? ', …' : '') : '';
      return {
        pointer: `${at}/${escapePointer(p.additionalProperty)}`,
        problem: text(
          `此处不允许属性“${p.additionalProperty}”${list ? `（允许：${list}）` : ''}`,
          `property "${p.additionalProperty}" is not allowed here${list ? ` (allowed: ${list})` : ''}`,
        ),
      };
    }
    case 'propertyNames': {
      const rule = isSchemaObject(error.schema) && typeof error.schema.$ref === 'string' ? ` ${error.schema.$ref.replace(/^.*\//, '')}` : '';
      return {
        pointer: `${at}/${escapePointer(p.propertyName)}`,
        problem:
          rule === ' Id'
            ? text(`属性名“${p.propertyName}”无效：${definitionId.message['zh-CN']}`, `property name "${p.propertyName}" is not valid: it ${definitionId.message.en}`)
            : text(`属性名“${p.propertyName}”无效${rule ? `（应为${rule}）` : ''}`, `property name "${p.propertyName}" is not valid${rule ? ` (expected${rule})` : ''}`),
      };
    }
    case 'type': {
      const names = typeNames(String(p.type));
      return { pointer: at, problem: text(`应为${names['zh-CN']}`, `must be ${names.en}`) };
    }
    case 'const':
      return { pointer: at, problem: text(`应为 ${show(p.allowedValue)}`, `must be ${show(p.allowedValue)}`) };
    case 'enum': {
      const values = (Array.isArray(p.allowedValues) ? p.allowedValues : []).map(show).join(', ');
      return { pointer: at, problem: text(`应为以下之一：${values}`, `must be one of: ${values}`) };
    }
    case 'pattern':
      // An id is worded (definitionId.message) rather than shown as its expression.
      if (p.pattern === definitionId.pattern) {
        return { pointer: at, problem: text(`${show(error.data)} ${definitionId.message['zh-CN']}`, `${show(error.data)} ${definitionId.message.en}`) };
      }
      return {
        pointer: at,
        problem: text(`${show(error.data)} 不符合格式${named} ${p.pattern}`, `${show(error.data)} does not match the format${named} ${p.pattern}`),
      };
    case 'minLength':
      return p.limit === 1
        ? { pointer: at, problem: text('不能为空字符串', 'must not be empty') }
        : { pointer: at, problem: text(`至少 ${p.limit} 个字符`, `must have at least ${p.limit} characters`) };
    case 'maxLength':
      return { pointer: at, problem: text(`最多 ${p.limit} 个字符`, `must have at most ${p.limit} characters`) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer: at, problem: text(`应 ${p.comparison} ${p.limit}`, `must be ${p.comparison} ${p.limit}`) };
    case 'minItems':
      return { pointer: at, problem: text(`至少需要 ${p.limit} 项`, `must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`) };
    case 'maxItems':
      return { pointer: at, problem: text(`最多 ${p.limit} 项`, `must have at most ${p.limit} items`) };
    case 'minProperties':
      return { pointer: at, problem: text(`至少需要 ${p.limit} 个属性`, `must have at least ${p.limit} propert${p.limit === 1 ? 'y' : 'ies'}`) };
    case 'uniqueItems':
      return { pointer: `${at}/${p.i}`, problem: text(`与第 ${p.j} 项重复`, `duplicates item ${p.j}`) };
    default:
      return { pointer: at, problem: text(`不满足 ${error.keyword}：${error.message ?? ''}`, `does not satisfy ${error.keyword}: ${error.message ?? ''}`) };
  }
}
