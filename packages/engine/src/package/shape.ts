import { text, type Text } from '../text.js';
import { isDefinitionId } from '../definitions/id.js';
import { PACKAGE_FORMAT } from './types.js';

const REGION = /^[1-9]\d{5}$/;
const HASH = /^[0-9a-f]{64}$/;
// RFC 3339 date-time (what `new Date().toISOString()` writes, and offsets).
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const KINDS = new Set(['item', 'bundle', 'overlay', 'concepts']);

/** One reason a value is not a package, with its pointer. */
export interface ShapeProblem {
  pointer: string;
  problem: Text;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (pointer: string, zh: string, en: string): ShapeProblem => ({ pointer, problem: text(zh, en) });

/**
 * The manifest fields a publisher sets: `publisher` an Id, `region` a six-digit code, `created`
 * an RFC 3339 date-time.
 * @example manifestFieldProblems({ publisher: 'a', region: '420703', created: 'yesterday' }, '/manifest') // [{ pointer: '/manifest/created', … }]
 */
export function manifestFieldProblems(manifest: Record<string, unknown>, at: string): ShapeProblem[] {
  const found: ShapeProblem[] = [];
  if (!isDefinitionId(manifest.publisher)) {
    found.push(problem(`${at}/publisher`, 'publisher 须为小写短横线格式的 id', 'publisher must be a kebab-case id'));
  }
  if (typeof manifest.region !== 'string' || !REGION.test(manifest.region)) found.push(problem(`${at}/region`, 'region 须为六位区划代码', 'region must be a six-digit division code'));
  if (typeof manifest.created !== 'string' || !DATE_TIME.test(manifest.created)) {
    found.push(problem(`${at}/created`, 'created 须为 RFC 3339 日期时间', 'created must be an RFC 3339 date-time'));
  }
  return found;
}

/**
 * Checks that a value has the shape of a package (manifest, definitions, signature), without
 * looking at the signature or the hashes. Empty when it has.
 * @example packageShapeProblems({}) // [{ pointer: '/manifest', problem: { en: 'missing manifest', … } }, …]
 */
export function packageShapeProblems(value: unknown): ShapeProblem[] {
  if (!isRecord(value)) return [problem('', '不是 JSON 对象', 'not a JSON object')];
  const found: ShapeProblem[] = [];
  const { manifest, definitions, signature } = value;
  for (const key of Object.keys(value)) {
    if (key !== 'manifest' && key !== 'definitions' && key !== 'signature') found.push(problem(`/${key}`, `未知的成员 ${key}`, `unknown member ${key}`));
  }
  if (!isRecord(manifest)) found.push(problem('/manifest', '缺少 manifest 对象', 'missing manifest object'));
  else {
    if (manifest.format !== PACKAGE_FORMAT) found.push(problem('/manifest/format', `format 须为 "${PACKAGE_FORMAT}"`, `format must be "${PACKAGE_FORMAT}"`));
    found.push(...manifestFieldProblems(manifest, '/manifest'));
    if (!Array.isArray(manifest.entries)) found.push(problem('/manifest/entries', '缺少 entries 数组', 'missing entries array'));
    else {
      const seen = new Set<string>();
      manifest.entries.forEach((entry, i) => {
        const at = `/manifest/entries/${i}`;
        if (!isRecord(entry) || !KINDS.has(entry.kind as string) || typeof entry.id !== 'string' || typeof entry.version !== 'string' || typeof entry.hash !== 'string' || !HASH.test(entry.hash)) {
          found.push(problem(at, '条目须有 kind、id、version 和 64 位十六进制 hash', 'an entry needs kind, id, version and a 64-digit hex hash'));
          return;
        }
        const key = `${entry.kind} ${entry.id}@${entry.version}`;
        if (seen.has(key)) found.push(problem(at, `${key} 重复列出`, `${key} is listed twice`));
        seen.add(key);
      });
    }
  }
  if (!Array.isArray(definitions)) found.push(problem('/definitions', '缺少 definitions 数组', 'missing definitions array'));
  if (!isRecord(signature) || typeof signature.protected !== 'string' || typeof signature.signature !== 'string') {
    found.push(problem('/signature', 'signature 须为 { protected, signature }', 'signature must be { protected, signature }'));
  }
  return found;
}
