/**
 * JSON-lines reading shared by the Amazon and generic JSON importers: one object per non-blank
 * line, decoded by JSON.parse or the Python-literal parser, with located errors.
 */
import { assertTextLine } from '../binary';
import { importError, preview } from '../fields';
import { splitLines } from '../lines';
import type { TextSource } from '../types';
import { parsePythonLiteral } from './pyLiteral';

/** One decoded object and the 1-based line it came from. */
export interface ObjectLine {
  readonly value: Readonly<Record<string, unknown>>;
  readonly line: number;
}

/** How each line is written: real JSON, or a Python dict literal (Amazon 2014 metadata). */
export type LineSyntax = 'json' | 'python';

/** Yields the objects of a JSON-lines (or Python-dict-lines) stream; blank lines are skipped. */
export async function* objectLines(src: TextSource, syntax: LineSyntax): AsyncGenerator<ObjectLine> {
  const expected = syntax === 'json' ? 'a JSON object per line' : 'a Python dict literal per line';
  for await (const { text, line } of splitLines(src.chunks)) {
    assertTextLine(text, src.name, line);
    if (text.trim() === '') continue;
    const value = decode(text, syntax, src.name, line, expected);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      importError('the line is not an object', { file: src.name, line }, expected);
    }
    yield { value: value as Record<string, unknown>, line };
  }
}

function decode(text: string, syntax: LineSyntax, file: string, line: number, expected: string): unknown {
  try {
    return syntax === 'json' ? (JSON.parse(text) as unknown) : parsePythonLiteral(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return importError(`cannot parse the line: ${preview(why, 80)}`, { file, line }, expected);
  }
}
