/**
 * A safe parser for Python literals as written by `repr()` (Amazon 2014 metadata lines): dicts,
 * lists, tuples, quoted strings with escapes and u/b/r prefixes, ints, floats, True/False/None.
 * Nothing is evaluated. Syntax errors throw a SyntaxError naming the column.
 */

/** A decoded literal: JSON-like values (tuples become arrays, dict keys become strings). */
export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };

const MAX_DEPTH = 64;
const NUMBER = /[-+]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?/y;
const WORDS: Readonly<Record<string, PyValue>> = { True: true, False: false, None: null };
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Parses one Python literal; the whole text must be consumed (surrounding whitespace is fine). */
export function parsePythonLiteral(text: string): PyValue {
  const r = new Reader(text);
  r.skipSpace();
  const v = r.value(0);
  r.skipSpace();
  if (r.pos < text.length) r.fail('unexpected text after the literal');
  return v;
}

class Reader {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(message: string): never {
    throw new SyntaxError(`${message} at column ${this.pos + 1}`);
  }

  skipSpace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s.charAt(this.pos))) this.pos++;
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const c = this.s.charAt(this.pos);
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.sequence(']', depth);
    if (c === '(') return this.sequence(')', depth);
    if (c === "'" || c === '"') return this.string(false);
    const prefixed = /^[uUbBrR]{1,2}['"]/.exec(this.s.slice(this.pos, this.pos + 3));
    if (prefixed) {
      const raw = /[rR]/.test(prefixed[0]);
      this.pos += prefixed[0].length - 1;
      return this.string(raw);
    }
    return /[-+.\d]/.test(c) ? this.number() : this.word();
  }

  private dict(depth: number): { [key: string]: PyValue } {
    const out: { [key: string]: PyValue } = {};
    this.items('}', () => {
      const key = this.value(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number') this.fail('dict keys must be strings or numbers');
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      // defineProperty: a '__proto__' key must stay a plain key, not replace the prototype.
      Object.defineProperty(out, String(key), { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
    });
    return out;
  }

  private sequence(close: string, depth: number): PyValue[] {
    const out: PyValue[] = [];
    this.items(close, () => out.push(this.value(depth + 1)));
    return out;
  }

  /** Comma-separated entries up to `close`; a trailing comma is allowed, as in Python. */
  private items(close: string, entry: () => void): void {
    this.pos++; // the opening bracket
    for (;;) {
      this.skipSpace();
      if (this.s.charAt(this.pos) === close) break;
      entry();
      this.skipSpace();
      if (this.s.charAt(this.pos) === ',') this.pos++;
      else if (this.s.charAt(this.pos) !== close) this.fail(`expected ',' or '${close}'`);
    }
    this.pos++;
  }

  private expect(c: string): void {
    if (this.s.charAt(this.pos) !== c) this.fail(`expected '${c}'`);
    this.pos++;
  }

  private string(raw: boolean): string {
    const quote = this.s.charAt(this.pos++);
    let out = '';
    for (;;) {
      if (this.pos >= this.s.length) this.fail('unterminated string');
      const c = this.s.charAt(this.pos++);
      if (c === quote) return out;
      if (c !== '\\') out += c;
      else if (raw) out += c + this.s.charAt(this.pos++);
      else out += this.escape();
    }
  }

  private escape(): string {
    const c = this.s.charAt(this.pos++);
    const simple = ESCAPES[c];
    if (simple !== undefined) return simple;
    const width = HEX_DIGITS[c];
    if (width !== undefined) return this.codePoint(this.s.slice(this.pos, this.pos + width), 16, width);
    const octal = /^[0-7]{1,3}/.exec(this.s.slice(this.pos - 1, this.pos + 2));
    if (octal) {
      this.pos += octal[0].length - 1;
      return String.fromCodePoint(parseInt(octal[0], 8));
    }
    return `\\${c}`; // Python keeps unknown escapes verbatim
  }

  private codePoint(digits: string, radix: number, width: number): string {
    if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) this.fail('bad escape sequence');
    const cp = parseInt(digits, radix);
    if (cp > 0x10ffff) this.fail('escape out of the Unicode range');
    this.pos += width;
    return String.fromCodePoint(cp);
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail('expected a value');
    const n = Number(m[0].replace(/_/g, ''));
    if (!Number.isFinite(n)) this.fail(`bad number '${m[0]}'`);
    this.pos += m[0].length;
    return n;
  }

  private word(): PyValue {
    const m = /^[A-Za-z_]\w*/.exec(this.s.slice(this.pos, this.pos + 32));
    const v = m ? WORDS[m[0]] : undefined;
    if (!m || v === undefined) this.fail(m ? `'${m[0]}' is not a literal` : 'expected a value');
    this.pos += m[0].length;
    return v;
  }
}
