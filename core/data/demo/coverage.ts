/**
 * Coverage fix-up: popularity sampling leaves some tail items with very few interactions, and the
 * import's k-core would then drop them (and maybe cascade into users). We raise every warm item
 * to `minCount` by swapping it in for an over-represented item that shares a topic, so the demo
 * survives a k-core of `minCount` unchanged. A user's final position is never touched, so cold
 * finals stay where they are.
 */
import type { DemoItem } from './catalog';

/** Mutates `seqs` so every warm item occurs at least `minCount` times. */
export function ensureCoverage(seqs: number[][], items: readonly DemoItem[], minCount: number): void {
  const counts = new Int32Array(items.length);
  for (const s of seqs) for (const i of s) counts[i] = (counts[i] ?? 0) + 1;
  items.forEach((it, i) => {
    if (it.cold) return;
    while ((counts[i] ?? 0) < minCount) {
      const slot = findSlot(seqs, items, counts, i, minCount, true) ?? findSlot(seqs, items, counts, i, minCount, false);
      if (slot === null) throw new Error(`demo coverage: no slot for item ${it.id}`);
      const [u, p] = slot;
      const seq = seqs[u] ?? [];
      const old = seq[p] ?? 0;
      seq[p] = i;
      counts[old] = (counts[old] ?? 0) - 1;
      counts[i] = (counts[i] ?? 0) + 1;
    }
  });
}

/** First (user, position) whose item can give up an occurrence to `target`. */
function findSlot(seqs: readonly number[][], items: readonly DemoItem[], counts: Int32Array, target: number, minCount: number, sameTopic: boolean): [number, number] | null {
  const topics = items[target]?.topics ?? [];
  for (let u = 0; u < seqs.length; u++) {
    const seq = seqs[u] ?? [];
    if (seq.includes(target)) continue;
    for (let p = 0; p < seq.length - 1; p++) {
      const j = seq[p] ?? 0;
      if ((counts[j] ?? 0) <= minCount) continue;
      if (!sameTopic || items[j]?.topics.some((t) => topics.includes(t))) return [u, p];
    }
  }
  return null;
}
