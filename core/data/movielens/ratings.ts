/** MovieLens-100k u.data: "user \t item \t rating \t timestamp", all integers, rating 1..5. */
import { assertTextLine } from '../binary';
import { importError, parseIntField, parseIntIdField } from '../fields';
import { splitLines } from '../lines';
import type { RawInteraction, TextSource } from '../types';

const FIELDS = ['user', 'item', 'rating', 'timestamp'] as const;

/** Parses u.data into interactions in file order. Blank lines are skipped. */
export async function parseMovieLensRatings(src: TextSource): Promise<RawInteraction[]> {
  const out: RawInteraction[] = [];
  for await (const { text, line } of splitLines(src.chunks)) {
    assertTextLine(text, src.name, line);
    if (text.trim() === '') continue;
    out.push(parseRatingLine(text, src.name, line));
  }
  if (out.length === 0) importError('no interactions', { file: src.name }, `one line per rating: ${FIELDS.join('\\t')}`);
  return out;
}

function parseRatingLine(text: string, file: string, line: number): RawInteraction {
  const parts = text.split('\t');
  if (parts.length !== FIELDS.length) {
    importError(`expected ${FIELDS.length} tab-separated fields, found ${parts.length}`, { file, line }, FIELDS.join('\\t'));
  }
  const [u = '', i = '', r = '', t = ''] = parts;
  // Ids are integers in u.data; validate them as such but keep them as strings like every source.
  const user = parseIntIdField(u, { file, line, field: 'user' });
  const item = parseIntIdField(i, { file, line, field: 'item' });
  const rating = parseIntField(r, { file, line, field: 'rating' });
  if (rating < 1 || rating > 5) importError(`rating ${rating} out of range`, { file, line, field: 'rating' }, 'an integer 1..5');
  const timestamp = parseIntField(t, { file, line, field: 'timestamp' });
  return { user, item, timestamp, rating };
}
