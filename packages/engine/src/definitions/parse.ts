import { createScanner } from 'jsonc-parser';
import { text, type Text } from '../text.js';

/** Where and why a text is not JSON. Line and column are 1-based. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  column: number;
  problem: Text;
}

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxProblem };

/**
 * Parses strict JSON (RFC 8259; a leading byte-order mark is ignored). On failure, finds
 * the position of the first error with an iterative scan, so even a huge or deeply
 * nested broken file answers quickly and never overflows the stack.
 * @example parseJson('{"a": }') // { ok: false, error: { line: 1, column: 7, … } }
 */
export function parseJson(source: string): ParseOutcome {
  const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const found = findSyntaxError(body) ?? { offset: 0, problem: text('不是有效的 JSON', 'not valid JSON') };
    const offset = found.offset + (body === source ? 0 : 1);
    return { ok: false, error: { ...found, offset, ...lineColumn(source, offset) } };
  }
}

// jsonc-parser's SyntaxKind and ScanError are const enums, which isolatedModules cannot read.
const OPEN_BRACE = 1, CLOSE_BRACE = 2, OPEN_BRACKET = 3, CLOSE_BRACKET = 4, COMMA = 5, COLON = 6;
const STRING = 10, NUMBER = 11, LINE_COMMENT = 12, BLOCK_COMMENT = 13, LINE_BREAK = 14, TRIVIA = 15, EOF = 17;
const SCAN_PROBLEMS: Record<number, Text> = {
  1: text('注释未结束', 'unterminated comment'),
  2: text('字符串未结束', 'unterminated string'),
  3: text('数字不完整', 'incomplete number'),
  4: text('无效的 \\u 转义', 'invalid \\u escape'),
  5: text('无效的转义字符', 'invalid escape character'),
  6: text('字符串中有无效字符', 'invalid character in a string'),
};

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after' | 'end';

/** Walks the tokens with an explicit stack and reports the first one the JSON grammar does not allow. */
function findSyntaxError(source: string): { offset: number; problem: Text } | undefined {
  const scanner = createScanner(source, false);
  const stack: Array<'object' | 'array'> = [];
  let expect: Expect = 'value';
  for (;;) {
    const token = scanner.scan();
    const offset = scanner.getTokenOffset();
    const scanError = scanner.getTokenError();
    if (scanError !== 0) return { offset, problem: SCAN_PROBLEMS[scanError] ?? text('无效的记号', 'invalid token') };
    if (token === LINE_BREAK || token === TRIVIA) continue;
    const tokenText = () => source.slice(offset, offset + Math.min(scanner.getTokenLength(), 40));
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) return { offset, problem: text('JSON 不允许注释', 'comments are not allowed in JSON') };
    const unexpected = () => ({
      offset,
      // getTokenValue() is empty for punctuation; the source slice is what the author typed.
      problem:
        token === EOF
          ? text('文件意外结束', 'unexpected end of the file')
          : text(`意外的“${tokenText()}”`, `unexpected "${tokenText()}"`),
    });
    const afterValue = (): Expect => (stack.length ? 'after' : 'end');
    switch (expect) {
      case 'end':
        if (token === EOF) return undefined;
        return unexpected();
      case 'colon':
        if (token !== COLON) return unexpected();
        expect = 'value';
        break;
      case 'key':
      case 'key-or-close':
        if (token === STRING) expect = 'colon';
        else if (token === CLOSE_BRACE && expect === 'key-or-close') {
          stack.pop();
          expect = afterValue();
        } else return unexpected();
        break;
      case 'after':
        if (token === COMMA) expect = stack.at(-1) === 'object' ? 'key' : 'value';
        else if ((token === CLOSE_BRACE && stack.at(-1) === 'object') || (token === CLOSE_BRACKET && stack.at(-1) === 'array')) {
          stack.pop();
          expect = afterValue();
        } else return unexpected();
        break;
      case 'value':
      case 'value-or-close':
        if (token === OPEN_BRACE) {
          stack.push('object');
          expect = 'key-or-close';
        } else if (token === OPEN_BRACKET) {
          stack.push('array');
          expect = 'value-or-close';
        } else if (token === CLOSE_BRACKET && expect === 'value-or-close') {
          stack.pop();
          expect = afterValue();
        } else if (token === STRING || token === NUMBER || (token >= 7 && token <= 9)) {
          expect = afterValue();
        } else return unexpected();
        break;
    }
  }
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
