/**
 * The two CPRec pre-training corpora as item-text sequences (§4.3.2): domain-specific sequences
 * (one line per user and domain) and all-domain mixed sequences (a user's behaviours across
 * domains in time order). Long lines are cut into consecutive windows of `windowItems`
 * behaviours. The annealing corpus is either the target-domain windows of the mixed sequences
 * (target behaviour last, target domain present in the history; cprecWindows.ts) or the target
 * domain's own sequences.
 */
import type { PackedSequences } from '../../protocol/worker';
import { domainByName, type MultiDomainCorpus } from '../../data/multidomain/corpus';
import { domainSpecificSequences, mixedSequences } from '../../data/multidomain/mixed';
import { targetDomainWindows } from '../../data/multidomain/cprecWindows';
import type { CprecSettings } from './settings';

/** Cuts every packed sequence into windows of at most `size` items (≥ 2 items each), newest last. */
export function windowsOf(seqs: PackedSequences, size: number): number[][] {
  const out: number[][] = [];
  for (let u = 0; u + 1 < seqs.offsets.length; u++) {
    const seq = Array.from(seqs.values.subarray(seqs.offsets[u] ?? 0, seqs.offsets[u + 1] ?? 0));
    for (let end = seq.length; end >= 2; end -= size) out.push(seq.slice(Math.max(0, end - size), end));
  }
  return out.reverse();
}

/** Domain-specific windows of every domain (warm-up + stable corpus, §4.4). */
export function domainSpecificLines(corpus: MultiDomainCorpus, size: number): number[][] {
  return corpus.domains.flatMap((d) => windowsOf(domainSpecificSequences(corpus, d.index), size));
}

/** Windows of every user's all-domain mixed sequence. */
export function mixedLines(corpus: MultiDomainCorpus, size: number): number[][] {
  return windowsOf(mixedSequences(corpus).items, size);
}

/** Mixed windows that end on a target-domain behaviour with the target domain in the history. */
export function mixedTargetLines(corpus: MultiDomainCorpus, target: number, size: number): number[][] {
  const mixed = mixedSequences(corpus);
  const w = targetDomainWindows(mixed, target, { maxHistory: size - 1 });
  return Array.from(w.user, (_, k) => Array.from(mixed.items.values.subarray(w.start[k] ?? 0, (w.end[k] ?? 0) + 1)));
}

/** The stable-phase and annealing-phase lines of a data plan. */
export function phaseLines(corpus: MultiDomainCorpus, target: number, size: number, plan: Pick<CprecSettings, 'stableData' | 'annealData'>): { stable: number[][]; anneal: number[][] } {
  const stable = plan.stableData === 'domain-specific' ? domainSpecificLines(corpus, size) : mixedLines(corpus, size);
  const anneal = plan.annealData === 'mixed-target' ? mixedTargetLines(corpus, target, size) : windowsOf(domainSpecificSequences(corpus, target), size);
  return { stable, anneal };
}

/**
 * Target-domain items (local indices) that occur in the pre-training texts: what CPRec calls warm.
 * Not every training row makes it into a text (one-item windows are dropped, a long sequence
 * loses its oldest items to the window), so the rows alone would call some unseen items warm.
 */
export function targetItemsInLines(corpus: MultiDomainCorpus, target: string, lines: readonly (readonly number[])[]): Set<number> {
  const localOf = new Map<number, number>();
  domainByName(corpus, target).itemGlobal.forEach((global, local) => {
    if (local > 0) localOf.set(global, local);
  });
  const out = new Set<number>();
  for (const line of lines) {
    for (const global of line) {
      const local = localOf.get(global);
      if (local !== undefined) out.add(local);
    }
  }
  return out;
}
