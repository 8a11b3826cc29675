/**
 * Amazon metadata lines → item info keyed by asin (2014/2018) or parent_asin (2023). Genres are
 * the flattened category list, or the main category when the list is empty. The first line of a
 * duplicated item wins (the 2018 dumps contain duplicates).
 */
import { objectLines } from '../json/lines';
import { idValue, optionalText, textList } from '../json/values';
import type { ItemInfo, TextSource } from '../types';
import { META_FIELDS } from './editions';
import type { AmazonEdition } from './editions';

/** Parses one metadata file. Lines with neither title nor category add nothing. */
export async function parseAmazonMeta(src: TextSource, edition: AmazonEdition): Promise<Map<string, ItemInfo>> {
  const f = META_FIELDS[edition];
  const items = new Map<string, ItemInfo>();
  for await (const { value, line } of objectLines(src, f.syntax)) {
    const id = idValue(value, f.item, { file: src.name, line });
    if (items.has(id)) continue;
    const title = optionalText(value, f.title);
    const listed = textList(value[f.categories]);
    const main = f.mainCategory === '' ? '' : optionalText(value, f.mainCategory);
    const genres = listed.length > 0 || main === '' ? listed : [main];
    if (title !== '' || genres.length > 0) items.set(id, { title, genres });
  }
  return items;
}
