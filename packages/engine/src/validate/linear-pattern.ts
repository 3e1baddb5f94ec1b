/**
 * Which `pattern`s a backtracking engine (V8's RegExp) runs in linear time with the same
 * result as RE2, so the server can run them natively — ~10× faster than re2js — and send
 * only the rest to RE2.
 *
 * The accepted subset is *deterministic*: anchored with `^`; literal characters, `\d \D \w \W`,
 * character classes, `\u…`/`\x…` escapes; greedy quantifiers on single characters; groups
 * at most optional (`?`) whose alternatives start with pairwise different characters; and
 * wherever a quantifier could stop or go on, the characters it repeats differ from every
 * character that may come next. Then the next input character always decides, a failed
 * branch fails at its first character, and backtracking costs O(1) per consumed character.
 * Everything else (`.`, `\s`, `\b`, look-around, back-references, `\p{…}`, repeated groups,
 * overlapping neighbours like `^\d+\.?\d*$`) is left to RE2 — a conservative test.
 */

/** A set of code points as sorted, disjoint, inclusive ranges. */
type Ranges = Array<[number, number]>;

const MAX = 0x10ffff;
const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
const SYNTAX = '^$\\.*+?()[]{}|/-';

function normalize(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

function disjoint(a: Ranges, b: Ranges): boolean {
  for (const [alo, ahi] of a) for (const [blo, bhi] of b) if (alo <= bhi && blo <= ahi) return false;
  return true;
}

interface Term {
  /** A character set (one character per repetition) or a group of alternatives. */
  set?: Ranges;
  alts?: Term[][];
  min: number;
  max: number;
}

class Unsupported extends Error {}

/** A recursive-descent parser for the deterministic subset; throws Unsupported outside it. */
class Parser {
  i = 0;
  constructor(readonly src: string) {}

  peek(): string | undefined {
    return this.src[this.i];
  }

  fail(): never {
    throw new Unsupported();
  }

  alternatives(): Term[][] {
    const alts = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  sequence(): Term[] {
    const terms: Term[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      if (c === '$') {
        if (this.i === this.src.length - 1) break; // the final anchor, handled by the caller
        this.fail();
      }
      terms.push(this.quantified(this.atom()));
    }
    return terms;
  }

  atom(): Term {
    const c = this.src[this.i++]!;
    if (c === '(') {
      if (this.peek() === '?') {
        if (this.src[this.i + 1] === ':') this.i += 2;
        else if (this.src[this.i + 1] === '<' && /^<[A-Za-z_$][\w$]*>/.test(this.src.slice(this.i + 1))) {
          this.i = this.src.indexOf('>', this.i) + 1;
        } else this.fail(); // look-around
      }
      const alts = this.alternatives();
      if (this.src[this.i++] !== ')') this.fail();
      return { alts, min: 1, max: 1 };
    }
    if (c === '[') return { set: this.charClass(), min: 1, max: 1 };
    if (c === '\\') return { set: this.escape(false), min: 1, max: 1 };
    if ('^$.*+?)]{}|'.includes(c)) this.fail();
    const cp = this.src.codePointAt(this.i - 1)!;
    if (cp > 0xffff) this.i++;
    return { set: [[cp, cp]], min: 1, max: 1 };
  }

  quantified(term: Term): Term {
    const c = this.peek();
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
    } else if (c === '{') {
      const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.src.slice(this.i));
      if (!m) this.fail();
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) this.fail();
    } else return term;
    if (this.peek() === '?' || this.peek() === '+') this.fail(); // lazy / possessive
    return { ...term, min: term.min * min, max: term.max * max };
  }

  /** An escape after `\`; `inClass` allows `\b`-free class escapes only. */
  escape(inClass: boolean): Ranges {
    const c = this.src[this.i++];
    if (c === undefined) this.fail();
    if (c === 'd') return DIGIT;
    if (c === 'D') return complement(DIGIT);
    if (c === 'w') return WORD;
    if (c === 'W') return complement(WORD);
    if (c in CONTROL) return [[CONTROL[c]!, CONTROL[c]!]];
    if (c === '0' && !/\d/.test(this.peek() ?? '')) return [[0, 0]];
    if (c === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i)) ?? this.fail();
      this.i += 2;
      const cp = parseInt(m[0], 16);
      return [[cp, cp]];
    }
    if (c === 'u') {
      const cp = this.unicodeEscape();
      return [[cp, cp]];
    }
    if (SYNTAX.includes(c) && (c !== '-' || inClass)) {
      const cp = c.charCodeAt(0);
      return [[cp, cp]];
    }
    return this.fail(); // \s \S \b \B \p \k \c, back-references, identity escapes of letters
  }

  unicodeEscape(): number {
    const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.i));
    if (braced) {
      this.i += braced[0].length;
      const cp = parseInt(braced[1]!, 16);
      return cp <= MAX ? cp : this.fail();
    }
    const four = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i)) ?? this.fail();
    this.i += 4;
    const unit = parseInt(four[0], 16);
    // A surrogate pair written as two escapes is one code point (the `u` flag).
    const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(this.src.slice(this.i));
    if (unit >= 0xd800 && unit <= 0xdbff && low) {
      this.i += 6;
      return 0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
    }
    return unit;
  }

  charClass(): Ranges {
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const ranges: Ranges = [];
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      const lo = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined) {
        this.i++;
        const hi = this.classAtom();
        if (lo.length !== 1 || hi.length !== 1 || lo[0]![0] !== lo[0]![1] || hi[0]![0] !== hi[0]![1]) this.fail();
        if (hi[0]![0] < lo[0]![0]) this.fail();
        ranges.push([lo[0]![0], hi[0]![0]]);
      } else ranges.push(...lo);
    }
    this.i++; // ]
    return negated ? complement(ranges) : normalize(ranges);
  }

  classAtom(): Ranges {
    const c = this.peek();
    if (c === undefined) this.fail();
    this.i++;
    if (c === '\\') return this.escape(true);
    if (c === '[') this.fail(); // set notation of the `v` flag, or a typo: leave it to RE2
    const cp = this.src.codePointAt(this.i - 1)!;
    if (cp > 0xffff) this.i++;
    return [[cp, cp]];
  }
}

function first(term: Term): Ranges {
  if (term.set) return term.set;
  return normalize(term.alts!.flatMap(firstOfSequence));
}

function nullable(term: Term): boolean {
  return term.min === 0 || (term.alts !== undefined && term.alts.some((alt) => alt.every(nullable)));
}

function firstOfSequence(terms: Term[]): Ranges {
  const out: Ranges = [];
  for (const t of terms) {
    out.push(...first(t));
    if (!nullable(t)) break;
  }
  return out;
}

/** Checks a sequence given what may follow it; throws Unsupported where a choice is ambiguous. */
function check(terms: Term[], follow: Ranges): void {
  let after = follow; // characters that may come after terms[i]
  for (let i = terms.length - 1; i >= 0; i--) {
    const t = terms[i]!;
    if (t.set) {
      if (t.min !== t.max && !disjoint(t.set, after)) throw new Unsupported();
    } else {
      if (t.max > 1) throw new Unsupported(); // a repeated group
      const alts = t.alts!;
      if (alts.length > 1) {
        const firsts = alts.map(firstOfSequence);
        if (alts.some((alt) => alt.every(nullable))) throw new Unsupported();
        for (let a = 0; a < firsts.length; a++)
          for (let b = a + 1; b < firsts.length; b++) if (!disjoint(firsts[a]!, firsts[b]!)) throw new Unsupported();
      }
      if (t.min === 0 && (alts.every((alt) => alt.every(nullable)) || !disjoint(first(t), after))) throw new Unsupported();
      for (const alt of alts) check(alt, after);
    }
    after = nullable(t) ? normalize([...first(t), ...after]) : first(t);
  }
}

/**
 * True when a backtracking engine matches `pattern` in linear time and agrees with RE2 on it
 * (the deterministic subset described above). Conservative: false means "use RE2".
 * @example isLinearPattern('^\\d{3,4}-\\d{7,8}$') // true
 * @example isLinearPattern('^(a+)+$') // false
 */
export function isLinearPattern(pattern: string): boolean {
  if (pattern.length > 1000 || !pattern.startsWith('^')) return false;
  try {
    const parser = new Parser(pattern);
    parser.i = 1;
    const terms = parser.sequence();
    if (parser.i !== pattern.length && !(parser.peek() === '$' && parser.i === pattern.length - 1)) return false;
    check(terms, []);
    return true;
  } catch (error) {
    if (error instanceof Unsupported) return false;
    throw error;
  }
}
