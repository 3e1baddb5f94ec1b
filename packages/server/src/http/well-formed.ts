import { text } from '@onething/engine';
import { HttpError } from './errors.js';

/** A `\uD800`–`\uDFFF` escape: the only way a lone surrogate gets into text decoded from UTF-8. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
/** A surrogate code unit that is not half of a pair (with the `u` flag, pairs read as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON pointer of the first string (member name or value) holding a lone surrogate, if any.
 * Iterative: a body may nest deeper than the call stack reaches.
 */
function loneSurrogateAt(root: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length) {
    const [value, pointer] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return pointer;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${pointer}/${i}`]);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (const key of keys) if (LONE_SURROGATE.test(key)) return `${pointer}/${escape(key)}`;
      for (let i = keys.length - 1; i >= 0; i--) stack.push([(value as Record<string, unknown>)[keys[i]!], `${pointer}/${escape(keys[i]!)}`]);
    }
  }
  return undefined;
}

/**
 * Refuses a JSON body that is not I-JSON (RFC 7493) because a string in it holds a lone
 * surrogate (`"\ud800"`): such text cannot be hashed canonically (RFC 8785), stored as UTF-8 or
 * shown. Answers `400 invalid-json` with the string's pointer. Bodies without a surrogate escape
 * (nearly all: UTF-8 text needs none) cost one scan of the text.
 * @example assertWellFormed('{"name":"\\ud800"}', { name: '\ud800' }) // throws HttpError invalid-json, pointer '/name'
 */
export function assertWellFormed(json: string, value: unknown): void {
  if (!SURROGATE_ESCAPE.test(json)) return;
  const pointer = loneSurrogateAt(value);
  if (pointer === undefined) return;
  throw new HttpError('invalidJson', {
    pointer,
    detail: text('文本含有不成对的代理项（\\uD800–\\uDFFF），不是合法的 Unicode', 'a string holds a lone surrogate (\\uD800–\\uDFFF), which is not valid Unicode'),
  });
}
