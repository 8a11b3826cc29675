/**
 * CPRec's two behaviour corpora (arXiv 2504.08949 §4.3.2, known to us via the seed summary): domain-specific sequences (one per
 * user and domain) and all-domain mixed sequences, where a user's behaviours in every domain are
 * merged into one chronological line that "emulates real-world user decision logic". Timestamp
 * ties across domains go by domain registration order, then by the within-domain ord — never by
 * item id — so the merge is deterministic and carries no id-order signal.
 */
import type { LineageStep } from '../../protocol/dto';
import type { PackedSequences } from '../../protocol/worker';
import { rowCount } from '../splits/columns';
import type { MultiDomainCorpus } from './corpus';

/** Per corpus user, the merged chronological behaviours (corpus item indices) and their domains. */
export interface MixedSequences {
  /** Sequence u = items.values[offsets[u] .. offsets[u+1]); corpus item indices. */
  readonly items: PackedSequences;
  /** domainIdx[k] = domain of items.values[k]. */
  readonly domainIdx: Int32Array;
  readonly ts: Float64Array;
  readonly step: LineageStep;
}

interface Row {
  readonly user: number;
  readonly item: number;
  readonly ts: number;
  readonly domain: number;
  readonly ord: number;
}

/** Merges every user's behaviours across domains, chronologically. */
export function mixedSequences(corpus: MultiDomainCorpus): MixedSequences {
  const rows = corpusRows(corpus);
  rows.sort((a, b) => a.user - b.user || a.ts - b.ts || a.domain - b.domain || a.ord - b.ord);
  const offsets = new Int32Array(corpus.users.length + 1);
  for (const r of rows) offsets[r.user + 1] = (offsets[r.user + 1] ?? 0) + 1;
  for (let u = 0; u < corpus.users.length; u++) offsets[u + 1] = (offsets[u + 1] ?? 0) + (offsets[u] ?? 0);
  const values = Int32Array.from(rows, (r) => r.item);
  const domainIdx = Int32Array.from(rows, (r) => r.domain);
  const ts = Float64Array.from(rows, (r) => r.ts);
  const crossing = countDomainSwitches(offsets, domainIdx);
  const step = { step: 'mix-domains', params: { ties: 'timestamp, domain order, ord', domainSwitches: crossing }, before: rows.length, after: rows.length };
  return { items: { offsets, values }, domainIdx, ts, step };
}

function corpusRows(corpus: MultiDomainCorpus): Row[] {
  const out: Row[] = [];
  for (const d of corpus.domains) {
    const cols = d.source.rows;
    for (let i = 0; i < rowCount(cols); i++) {
      out.push({ user: d.userGlobal[cols.userIdx[i] ?? 0] ?? 0, item: d.itemGlobal[cols.itemIdx[i] ?? 0] ?? 0, ts: cols.ts[i] ?? 0, domain: d.index, ord: cols.ord[i] ?? 0 });
    }
  }
  return out;
}

/** Adjacent pairs within a user whose domains differ (how "mixed" the corpus really is). */
function countDomainSwitches(offsets: Int32Array, domainIdx: Int32Array): number {
  let switches = 0;
  for (let u = 0; u + 1 < offsets.length; u++) {
    for (let k = (offsets[u] ?? 0) + 1; k < (offsets[u + 1] ?? 0); k++) if (domainIdx[k] !== domainIdx[k - 1]) switches++;
  }
  return switches;
}

/** Domain-specific sequences of one domain, in corpus item indices, per corpus user. */
export function domainSpecificSequences(corpus: MultiDomainCorpus, domainIdx: number): PackedSequences {
  const mixed = mixedSequences(corpus);
  const offsets = new Int32Array(corpus.users.length + 1);
  const values: number[] = [];
  for (let u = 0; u < corpus.users.length; u++) {
    for (let k = mixed.items.offsets[u] ?? 0; k < (mixed.items.offsets[u + 1] ?? 0); k++) if (mixed.domainIdx[k] === domainIdx) values.push(mixed.items.values[k] ?? 0);
    offsets[u + 1] = values.length;
  }
  return { offsets, values: Int32Array.from(values) };
}
