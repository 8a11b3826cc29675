/** Parses an interaction CSV (header with user,item,timestamp; optional rating,title,domain,genres). */
import { importError, parseIdField, parseNumberField } from '../fields';
import { TimeUnitCheck } from '../timeUnit';
import type { ItemInfo, ParsedDataset, RawInteraction, TextSource } from '../types';
import { EXPECTED_HEADER, resolveHeader } from './header';
import type { CsvColumns } from './header';
import { csvRecords } from './tokenizer';
import type { CsvRecord } from './tokenizer';

/** Reads the whole CSV; interactions keep file order, the first row carrying metadata of an item wins. */
export async function parseInteractionsCsv(src: TextSource): Promise<ParsedDataset> {
  const interactions: RawInteraction[] = [];
  const items = new Map<string, ItemInfo>();
  let cols: CsvColumns | null = null;
  const units = new TimeUnitCheck();
  for await (const rec of csvRecords(src)) {
    if (cols === null) {
      cols = resolveHeader(rec.fields, src.name, rec.line);
      continue;
    }
    const row = readRow(rec, cols, src.name);
    units.check(row.interaction.timestamp, { file: src.name, line: rec.line, field: 'timestamp' });
    interactions.push(row.interaction);
    if (row.info && !items.has(row.interaction.item)) items.set(row.interaction.item, row.info);
  }
  if (cols === null) importError('empty file', { file: src.name, line: 1, field: 'header' }, EXPECTED_HEADER);
  if (interactions.length === 0) importError('no interactions', { file: src.name }, 'at least one row after the header');
  return { interactions, items };
}

function readRow(rec: CsvRecord, cols: CsvColumns, file: string): { interaction: RawInteraction; info: ItemInfo | null } {
  const { fields, line } = rec;
  if (fields.length !== cols.width) {
    importError(`expected ${cols.width} fields, found ${fields.length}`, { file, line }, `${cols.width} comma-separated fields like the header`);
  }
  const get = (i: number): string => (i < 0 ? '' : (fields[i] ?? ''));
  const user = parseIdField(get(cols.user), { file, line, field: 'user' });
  const item = parseIdField(get(cols.item), { file, line, field: 'item' });
  const timestamp = parseNumberField(get(cols.timestamp), { file, line, field: 'timestamp' });
  const ratingText = get(cols.rating).trim();
  // An empty rating cell means "implicit feedback", not an error.
  const interaction: RawInteraction =
    ratingText === '' ? { user, item, timestamp } : { user, item, timestamp, rating: parseNumberField(ratingText, { file, line, field: 'rating' }) };
  return { interaction, info: readInfo(get(cols.title), get(cols.domain), get(cols.genres)) };
}

function readInfo(title: string, domain: string, genres: string): ItemInfo | null {
  const t = title.trim();
  const d = domain.trim();
  const g = genres.split('|').map((s) => s.trim()).filter((s) => s.length > 0);
  if (t === '' && d === '' && g.length === 0) return null;
  return d === '' ? { title: t, genres: g } : { title: t, genres: g, domain: d };
}
