/** Amazon review lines (JSON lines) → interactions; timestamps normalised to Unix seconds. */
import { importError } from '../fields';
import { objectLines } from '../json/lines';
import { idValue, numberValue } from '../json/values';
import type { RawInteraction, TextSource } from '../types';
import { REVIEW_FIELDS } from './editions';
import type { AmazonEdition } from './editions';

/** Parses one review file into interactions in file order. Ratings must lie in 0..5. */
export async function parseAmazonReviews(src: TextSource, edition: AmazonEdition): Promise<RawInteraction[]> {
  const f = REVIEW_FIELDS[edition];
  const out: RawInteraction[] = [];
  for await (const { value, line } of objectLines(src, 'json')) {
    const at = { file: src.name, line };
    const user = idValue(value, f.user, at);
    const item = idValue(value, f.item, at);
    const rating = numberValue(value, f.rating, at);
    if (rating < 0 || rating > 5) importError(`rating ${rating} out of range`, { ...at, field: f.rating }, 'a rating 0..5');
    const time = numberValue(value, f.time, at);
    if (time < 0) importError(`negative time ${time}`, { ...at, field: f.time }, 'a non-negative Unix time');
    out.push({ user, item, timestamp: time / f.timeDivisor, rating });
  }
  if (out.length === 0) importError('no interactions', { file: src.name }, 'one JSON review object per line');
  return out;
}
