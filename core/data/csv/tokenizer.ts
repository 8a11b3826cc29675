/**
 * Streaming RFC 4180 tokenizer: comma-separated fields, double-quoted fields may contain commas,
 * newlines and "" (an escaped quote). Chunk boundaries may fall anywhere, even inside a field.
 */
import { findBinaryChar } from '../binary';
import { importError } from '../fields';
import type { TextSource } from '../types';

/** One record; `line` is the 1-based line it starts on (a quoted newline makes records span lines). */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/** Incremental tokenizer; `push` returns the records completed by each chunk. */
export class CsvTokenizer {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private out: CsvRecord[] = [];

  constructor(private readonly file: string) {}

  /** Consumes one chunk of text. */
  push(chunk: string): CsvRecord[] {
    this.assertText(chunk);
    for (let i = 0; i < chunk.length; i++) this.step(chunk.charAt(i));
    return this.drain();
  }

  /** Ends the input: flushes the last record, or fails on an unterminated quoted field. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') {
      importError('unterminated quoted field', { file: this.file, line: this.recordLine }, 'a closing double quote');
    }
    if (this.state !== 'fieldStart' || this.fields.length > 0) this.endRecord();
    return this.drain();
  }

  private step(c: string): void {
    switch (this.state) {
      case 'fieldStart':
        if (c === '"') this.state = 'quoted';
        else this.unquotedChar(c);
        return;
      case 'unquoted':
        this.unquotedChar(c);
        return;
      case 'quoted':
        if (c === '"') this.state = 'quoteInQuoted';
        else this.append(c);
        return;
      case 'quoteInQuoted':
        this.afterClosingQuote(c);
        return;
    }
  }

  private unquotedChar(c: string): void {
    if (c === ',') this.endField();
    else if (c === '\n') this.endRecord();
    else {
      this.field += c;
      this.state = 'unquoted';
    }
  }

  private afterClosingQuote(c: string): void {
    if (c === '"') {
      this.field += '"'; // "" is an escaped quote
      this.state = 'quoted';
    } else if (c === ',') this.endField();
    else if (c === '\n') this.endRecord();
    else if (c !== '\r') {
      importError(`unexpected '${c}' after a closing quote`, { file: this.file, line: this.line }, "',' or end of line after a quoted field");
    }
  }

  private append(c: string): void {
    if (c === '\n') this.line += 1;
    this.field += c;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(): void {
    // Unquoted fields keep a CR of a CRLF terminator; quoted ones skipped it already.
    if (this.state === 'unquoted' && this.field.endsWith('\r')) this.field = this.field.slice(0, -1);
    this.endField();
    const blank = this.fields.length === 1 && this.fields[0] === '';
    if (!blank) this.out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.line += 1;
    this.recordLine = this.line;
  }

  private drain(): CsvRecord[] {
    const done = this.out;
    this.out = [];
    return done;
  }

  private assertText(chunk: string): void {
    const at = findBinaryChar(chunk);
    if (at === -1) return;
    const line = this.line + countNewlines(chunk, at);
    importError('binary content (NUL byte or invalid UTF-8)', { file: this.file, line }, 'a UTF-8 text file');
  }
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Yields the records of a CSV text stream. */
export async function* csvRecords(src: TextSource): AsyncGenerator<CsvRecord> {
  const tok = new CsvTokenizer(src.name);
  for await (const chunk of src.chunks) yield* tok.push(chunk);
  yield* tok.end();
}
