import { RegExpParser, type AST } from '@eslint-community/regexpp';

type Node = AST.Element | AST.Alternative | AST.Pattern;

const parser = new RegExpParser({ ecmaVersion: 2025 });
// Characters tried when asking whether two single-character alternatives can match the same input.
const SAMPLE = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\t', '\n', '中', 'é', '\u3000'];

/**
 * Finds a repetition that a backtracking engine (a browser's RegExp) can match in
 * exponentially many ways: an unbounded quantifier whose body is itself unbounded with
 * nothing mandatory beside it (`(a+)+`, `(a*)*`, `(\s*\w+)*`), or whose alternatives can
 * match the same text (`(a|a)*`, `(\w|\d)+`). Returns the offending part of the pattern.
 * `(\d+-)+` passes: the `-` separates the repetitions.
 * @example findNestedQuantifier('^(a+)+$') // '(a+)+'
 */
export function findNestedQuantifier(pattern: string): string | undefined {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch {
    return undefined; // not a valid pattern: reported by the RegExp check
  }
  let found: string | undefined;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === 'Quantifier') {
      if (node.max === Infinity && (looseUnbounded(node.element) || overlappingAlternatives(node.element))) {
        found = node.raw;
        return;
      }
      visit(node.element);
    } else if (node.type === 'Pattern' || node.type === 'Group' || node.type === 'CapturingGroup' || node.type === 'Assertion' && 'alternatives' in node) {
      node.alternatives.forEach(visit);
    } else if (node.type === 'Alternative') {
      node.elements.forEach(visit);
    }
  };
  visit(ast);
  return found;
}

/** True when the node contains an unbounded repetition that everything beside it may leave alone. */
function looseUnbounded(node: AST.Element): boolean {
  if (node.type === 'Quantifier') return node.max === Infinity || looseUnbounded(node.element);
  if (node.type === 'Group' || node.type === 'CapturingGroup') {
    return node.alternatives.some((alt) =>
      alt.elements.some((el, i) => looseUnbounded(el) && alt.elements.every((other, j) => j === i || canBeEmpty(other))),
    );
  }
  return false;
}

function canBeEmpty(node: AST.Element | AST.Alternative): boolean {
  switch (node.type) {
    case 'Quantifier':
      return node.min === 0 || canBeEmpty(node.element);
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.some(canBeEmpty);
    case 'Alternative':
      return node.elements.every(canBeEmpty);
    case 'Assertion':
    case 'Backreference':
      return true;
    default:
      return false;
  }
}

/** True when two alternatives of a repeated group can match the same text. */
function overlappingAlternatives(node: AST.Element): boolean {
  if (node.type !== 'Group' && node.type !== 'CapturingGroup') return false;
  const alts = node.alternatives;
  for (let i = 0; i < alts.length; i++) {
    for (let j = i + 1; j < alts.length; j++) {
      const a = alts[i]!;
      const b = alts[j]!;
      if (a.raw === b.raw) return true;
      if (singleCharacter(a) && singleCharacter(b) && SAMPLE.some((c) => matches(a.raw, c) && matches(b.raw, c))) return true;
    }
  }
  return false;
}

function singleCharacter(alt: AST.Alternative): boolean {
  const [only] = alt.elements;
  return alt.elements.length === 1 && (only!.type === 'Character' || only!.type === 'CharacterClass' || only!.type === 'CharacterSet');
}

function matches(single: string, c: string): boolean {
  // A single character, class or set: matching one character is linear whatever it is.
  return new RegExp(`^(?:${single})$`, 'u').test(c);
}
