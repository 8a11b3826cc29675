/**
 * MovieLens item files describe every movie that is rated. A rated movie missing from one usually
 * means the files come from different releases or the item file was cut short; the import goes on
 * (the movie just has no title or genres) but the user should hear about it.
 */
import type { ApiError } from '../../protocol/dto';
import type { ParsedDataset } from '../types';

const SHOWN = 5; // ids named in the message

/** Files of the check: where the ratings come from and which file should describe their items. */
export interface ItemFiles {
  readonly ratings: string;
  readonly items: string;
}

/** `ds` plus a warning naming the rated items that `files.items` does not describe, if any. */
export function withMissingItemWarning(ds: ParsedDataset, files: ItemFiles): ParsedDataset {
  const missing = new Set<string>();
  for (const x of ds.interactions) if (!ds.items.has(x.item)) missing.add(x.item);
  return missing.size === 0 ? ds : { ...ds, warnings: [...(ds.warnings ?? []), missingWarning([...missing], files)] };
}

function missingWarning(ids: readonly string[], files: ItemFiles): ApiError {
  const shown = ids.slice(0, SHOWN).join(', ') + (ids.length > SHOWN ? ', …' : '');
  const message = `${ids.length} item(s) rated in ${files.ratings} have no row in ${files.items} (${shown}); they are imported without title or genres`;
  return { code: 'import', message, location: { file: files.items, expected: `a row for every item in ${files.ratings}` } };
}
