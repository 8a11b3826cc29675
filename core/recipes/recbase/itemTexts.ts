/**
 * The unified item text of every corpus item (§4.2.2: items of all domains are "standardised into
 * a unified textual format" before embedding; Appendix C's "Describe a <noun>:" + field block),
 * rendered by core/data/text so RecBase and the workspace preview agree byte for byte.
 */
import type { MultiDomainCorpus } from '../../data/multidomain/corpus';
import { domainNoun, recBaseItemText } from '../../data/text/unified';

/** texts[g − 1] = unified text of corpus item g. */
export function corpusItemTexts(corpus: Pick<MultiDomainCorpus, 'items'>): string[] {
  return corpus.items.map((it) => recBaseItemText({ title: it.title, genres: it.genres }, domainNoun(it.domain)));
}
