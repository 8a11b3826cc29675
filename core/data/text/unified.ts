/**
 * Domain-agnostic item text. RecBase (arXiv 2509.03131, Appendix C "formatted text descriptions")
 * standardises every item of every domain into one shape before embedding it:
 *
 *   Describe a movie:
 *   {
 *   "title": "Toy Story (1995)",
 *   "genres": "Adventure | Animation | Children | Comedy | Fantasy"
 *   }
 *
 * Only present fields are written, in a fixed key order, with JSON string escaping, so the same
 * item always gives byte-identical text (stable embeddings and cache keys). CPRec (arXiv
 * 2504.08949, §4.3.3 as summarised in the seed notes) goes further and removes domain-specific
 * words so one template serves every domain: cprecItemText drops the domain noun and domain-like
 * fields. CPRec's exact prompt wording is not in the material we have; the header is our choice.
 */
import type { TextFields } from './clean';
import { fieldText } from './render';

/** Key order and formatting of the unified description. */
export interface UnifiedOptions {
  /** Fields first in this order (default title, genres); other present fields follow alphabetically. */
  readonly fieldOrder?: readonly string[];
  /** Fields never written (e.g. internal ids). */
  readonly omit?: readonly string[];
  /** Joins list fields (RecBase writes genres as "A | B"). */
  readonly listSeparator?: string;
}

/** Fields that name the domain; a domain-free text must not contain them. */
export const DOMAIN_FIELDS: readonly string[] = ['domain', 'category', 'categories', 'main_category', 'main_cat'];

/** RecBase style: `Describe a <domain noun>:` + the JSON-ish field block. */
export function recBaseItemText(item: TextFields, domainNoun: string, opts: UnifiedOptions = {}): string {
  const noun = domainNoun.trim().toLowerCase();
  return `Describe ${article(noun)} ${noun}:\n${fieldBlock(item, { ...opts, omit: [...(opts.omit ?? []), 'domain'] })}`;
}

/** CPRec style: the same block with no domain words (no domain noun, no domain-like fields). */
export function cprecItemText(item: TextFields, opts: UnifiedOptions = {}): string {
  return `Describe an item:\n${fieldBlock(item, { ...opts, omit: [...(opts.omit ?? []), ...DOMAIN_FIELDS] })}`;
}

/** `{\n"k": "v",\n…\n}` over the present fields in deterministic order. */
export function fieldBlock(item: TextFields, opts: UnifiedOptions = {}): string {
  const keys = orderedPresentKeys(item, opts);
  const lines = keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(fieldText(item[k], opts.listSeparator ?? ' | '))}`);
  return `{\n${lines.join(',\n')}\n}`;
}

function orderedPresentKeys(item: TextFields, opts: UnifiedOptions): string[] {
  const omit = new Set(opts.omit ?? []);
  const present = Object.keys(item).filter((k) => !omit.has(k) && fieldText(item[k]) !== '');
  const first = (opts.fieldOrder ?? ['title', 'genres']).filter((k) => present.includes(k));
  const rest = present.filter((k) => !first.includes(k)).sort();
  return [...first, ...rest];
}

/** Singular noun for a domain name: "movies" → "movie", "Books" → "book"; override when wrong. */
export function domainNoun(domain: string): string {
  const d = domain.trim().toLowerCase();
  const irregular = IRREGULAR[d];
  if (irregular !== undefined) return irregular;
  if (d.endsWith('ies') && d.length > 4) return `${d.slice(0, -3)}y`;
  if (d.endsWith('s') && !d.endsWith('ss') && d.length > 3) return d.slice(0, -1);
  return d;
}

const IRREGULAR: Readonly<Record<string, string>> = { movies: 'movie', series: 'series', news: 'news', music: 'music', clothes: 'clothing item' };

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
