/**
 * RecBole atomic files (.inter, .item, …): a tab-separated header of `name:type` cells, with type
 * one of token | token_seq | float | float_seq, then rows of the same width. Sequences are
 * space-separated. Float cells are validated here; an empty cell means "missing".
 */
import { assertTextLine } from '../binary';
import { importError, parseNumberField } from '../fields';
import { splitLines } from '../lines';
import type { TextSource } from '../types';

/** The field types RecBole defines. */
export type AtomicType = 'token' | 'token_seq' | 'float' | 'float_seq';

/** One header cell. */
export interface AtomicColumn {
  readonly name: string;
  readonly type: AtomicType;
}

/** One data row: raw cells in header order. */
export interface AtomicRow {
  readonly cells: readonly string[];
  readonly line: number;
}

const TYPES: readonly string[] = ['token', 'token_seq', 'float', 'float_seq'];
const EXPECTED_CELL = 'name:type with type token, token_seq, float or float_seq';

/** Parses the header line into columns; throws a located error on a malformed or repeated cell. */
export function parseAtomicHeader(text: string, file: string, line: number): AtomicColumn[] {
  const cols: AtomicColumn[] = [];
  text.split('\t').forEach((cell, k) => {
    const m = /^(.+):([a-z_]+)$/.exec(cell.replace(/^\uFEFF/, '').trim());
    const field = m?.[1]?.trim() || `column ${k + 1}`;
    if (!m || !TYPES.includes(m[2] ?? '')) importError(`bad header cell '${cell.trim()}'`, { file, line, field }, EXPECTED_CELL);
    if (cols.some((c) => c.name === field)) importError(`duplicate column '${field}'`, { file, line, field }, 'unique column names');
    cols.push({ name: field, type: m[2] as AtomicType });
  });
  return cols;
}

/** Reads an atomic file: its header columns, then every validated data row. */
export async function* atomicRows(src: TextSource, onHeader: (cols: readonly AtomicColumn[], line: number) => void): AsyncGenerator<AtomicRow> {
  let cols: AtomicColumn[] | null = null;
  for await (const { text, line } of splitLines(src.chunks)) {
    assertTextLine(text, src.name, line);
    if (text.trim() === '') continue;
    if (cols === null) {
      cols = parseAtomicHeader(text, src.name, line);
      onHeader(cols, line);
      continue;
    }
    const cells = text.split('\t');
    if (cells.length !== cols.length) {
      importError(`expected ${cols.length} tab-separated fields, found ${cells.length}`, { file: src.name, line }, cols.map((c) => `${c.name}:${c.type}`).join('\\t'));
    }
    cells.forEach((cell, k) => checkCell(cell, cols?.[k], src.name, line));
    yield { cells, line };
  }
  if (cols === null) importError('empty file', { file: src.name, line: 1, field: 'header' }, EXPECTED_CELL);
}

function checkCell(cell: string, col: AtomicColumn | undefined, file: string, line: number): void {
  if (!col || cell.trim() === '') return;
  if (col.type === 'float') parseNumberField(cell, { file, line, field: col.name });
  if (col.type === 'float_seq') for (const v of sequence(cell)) parseNumberField(v, { file, line, field: col.name });
}

/** The space-separated parts of a sequence cell. */
export function sequence(cell: string): string[] {
  return cell.split(' ').filter((s) => s.length > 0);
}
