/**
 * RecBole `.inter`: requires user_id and item_id (token); uses rating and timestamp (float) when
 * present. Without a timestamp column the row's position stands in for time (only order matters):
 * `startAt` + its line, so the files of one dataset continue each other's positions.
 */
import { importError, parseIdField } from '../fields';
import type { RawInteraction, TextSource } from '../types';
import { atomicRows } from './atomic';
import type { AtomicColumn } from './atomic';

const EXPECTED = 'user_id:token and item_id:token columns (optional rating:float, timestamp:float)';

interface InterColumns {
  readonly user: number;
  readonly item: number;
  readonly rating: number;
  readonly timestamp: number;
}

/** Parses a .inter file into interactions in file order. */
export async function parseRecBoleInter(src: TextSource, startAt = 0): Promise<RawInteraction[]> {
  let c: InterColumns = { user: -1, item: -1, rating: -1, timestamp: -1 };
  const out: RawInteraction[] = [];
  const rows = atomicRows(src, (cols, line) => (c = interColumns(cols, src.name, line)));
  for await (const { cells, line } of rows) {
    const user = parseIdField(cells[c.user] ?? '', { file: src.name, line, field: 'user_id' });
    const item = parseIdField(cells[c.item] ?? '', { file: src.name, line, field: 'item_id' });
    const tsText = c.timestamp < 0 ? '' : (cells[c.timestamp] ?? '').trim();
    if (c.timestamp >= 0 && tsText === '') importError('empty timestamp', { file: src.name, line, field: 'timestamp' }, 'a number');
    const timestamp = c.timestamp < 0 ? startAt + line : Number(tsText);
    const ratingText = c.rating < 0 ? '' : (cells[c.rating] ?? '').trim();
    out.push(ratingText === '' ? { user, item, timestamp } : { user, item, timestamp, rating: Number(ratingText) });
  }
  if (out.length === 0) importError('no interactions', { file: src.name }, 'at least one row after the header');
  return out;
}

function interColumns(cols: readonly AtomicColumn[], file: string, line: number): InterColumns {
  const find = (name: string, types: readonly string[]): number => {
    const k = cols.findIndex((col) => col.name === name);
    const col = cols[k];
    if (col && !types.includes(col.type)) importError(`column '${name}' has type ${col.type}`, { file, line, field: name }, `${name}:${types.join('|')}`);
    return k;
  };
  const cs = { user: find('user_id', ['token']), item: find('item_id', ['token']), rating: find('rating', ['float']), timestamp: find('timestamp', ['float']) };
  if (cs.user < 0 || cs.item < 0) importError('missing user_id or item_id column', { file, line, field: 'header' }, EXPECTED);
  return cs;
}
