/**
 * Where a JSON text first goes wrong, as line and column. JSON.parse messages give a position only
 * for some errors and differ between V8 versions, so a tiny syntax scanner finds it instead; it runs
 * only after JSON.parse has failed.
 */

/** 1-based line and column of a character offset. */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

class JsonScanner {
  i = 0;
  constructor(private readonly s: string) {}

  /** Aborts the scan at `at` (default: the current offset). */
  fail(at = this.i): never {
    throw at;
  }

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i] as string)) this.i++;
  }

  literal(word: string): void {
    for (const ch of word) {
      if (this.s[this.i] !== ch) this.fail();
      this.i++;
    }
  }

  string(): void {
    this.i++; // opening quote
    while (this.i < this.s.length) {
      const ch = this.s[this.i] as string;
      if (ch === '"') return void this.i++;
      if (ch < ' ') this.fail();
      if (ch === '\\') {
        const esc = this.s[this.i + 1] ?? '';
        const ok = esc === 'u' ? /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6)) : esc !== '' && '"\\/bfnrt'.includes(esc);
        if (!ok) this.fail(this.i + 1);
        this.i += esc === 'u' ? 6 : 2;
      } else this.i++;
    }
    this.fail();
  }

  number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (m === null) this.fail();
    this.i += m[0].length;
  }

  items(close: string, item: () => void): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === close) return void this.i++;
    for (;;) {
      item();
      this.ws();
      const ch = this.s[this.i];
      if (ch !== close && ch !== ',') this.fail();
      this.i++;
      if (ch === close) return;
      this.ws();
    }
  }

  member(): void {
    if (this.s[this.i] !== '"') this.fail();
    this.string();
    this.ws();
    if (this.s[this.i] !== ':') this.fail();
    this.i++;
    this.value();
  }

  value(): void {
    this.ws();
    const ch = this.s[this.i];
    if (ch === '{') this.items('}', () => this.member());
    else if (ch === '[') this.items(']', () => this.value());
    else if (ch === '"') this.string();
    else if (ch === 't') this.literal('true');
    else if (ch === 'f') this.literal('false');
    else if (ch === 'n') this.literal('null');
    else this.number();
  }
}

function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

/** Position of the first syntax error of `text`, or null when it is valid JSON. */
export function jsonErrorPosition(text: string): TextPosition | null {
  const scanner = new JsonScanner(text); // a BOM is an error for JSON.parse, and for the scanner too
  try {
    scanner.value();
    scanner.ws();
    if (scanner.i < text.length) scanner.fail();
    return null;
  } catch (at) {
    if (typeof at !== 'number') throw at;
    return positionOf(text, Math.min(at, text.length));
  }
}
