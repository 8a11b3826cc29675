/**
 * The corpus a RecBase run works on, from the host's RecipeSources. Each source is one domain
 * (grouped by source name). A single source whose items carry a `domain` field (a combined
 * dataset such as the bundled demo imported as one) is split into one domain per item domain,
 * same users, items re-indexed per domain. The item texts come as the host rendered them.
 */
import { RecForgeError } from '../../errors';
import { buildCorpus } from '../../data/multidomain/corpus';
import type { MultiDomainCorpus } from '../../data/multidomain/corpus';
import { rowCount, selectRows } from '../../data/splits/columns';
import type { RecipeItem, RecipeSource } from '../runner';

/** The corpus and the text of every corpus item (texts[g − 1] = item g). */
export interface SourceCorpus {
  readonly corpus: MultiDomainCorpus;
  readonly texts: readonly string[];
}

/** The item's own `domain` field, when the host passed one along. */
function itemDomain(it: RecipeItem): string | null {
  const d = (it as { readonly domain?: unknown }).domain;
  return typeof d === 'string' && d !== '' ? d : null;
}

/** One source per item domain of `source` (sorted by name). */
export function splitByItemDomain(source: RecipeSource): RecipeSource[] {
  const names = [...new Set(source.items.map(itemDomain).filter((d): d is string => d !== null))].sort();
  const domainOf = source.items.map(itemDomain);
  return names.map((name) => {
    const local = new Int32Array(source.items.length + 1); // source item index → domain item index
    const items: RecipeItem[] = [];
    source.items.forEach((it, k) => {
      if (domainOf[k] !== name) return;
      items.push(it);
      local[k + 1] = items.length;
    });
    const keep = Uint8Array.from({ length: rowCount(source.rows) }, (_, r) => (domainOf[(source.rows.itemIdx[r] ?? 0) - 1] === name ? 1 : 0));
    const picked = selectRows(source.rows, keep);
    return { ...source, name, items, rows: { ...picked, itemIdx: Int32Array.from(picked.itemIdx, (g) => local[g] ?? 0) } };
  });
}

/** Domains of the sources: each source by name, or a lone multi-domain source split by item domain. */
export function domainSources(sources: readonly RecipeSource[]): readonly RecipeSource[] {
  const only = sources.length === 1 ? sources[0] : undefined;
  const split = only ? splitByItemDomain(only) : [];
  return split.length >= 2 ? split : sources;
}

/** Builds the corpus (≥ 2 domains) and its item texts. */
export function sourceCorpus(sources: readonly RecipeSource[]): SourceCorpus {
  const domains = domainSources(sources);
  if (domains.length < 2) {
    throw new RecForgeError('validation', 'RecBase needs a multi-domain workspace: several sources, or one whose items carry at least two domains', { file: 'corpus', field: 'domain' });
  }
  const corpus = buildCorpus(domains);
  return { corpus, texts: domains.flatMap((d) => d.items.map((it) => it.text)) };
}
