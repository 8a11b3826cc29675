/**
 * Item frequency and its bins for PAD's frequency-aware gating (paper §3.3; official code: 11
 * bins). Frequencies are counted on TRAIN sequences only. Bin 0 holds the most frequent warm
 * items, bins 0..bins−2 split the warm items by frequency rank into equal-count groups, and the
 * last bin holds items never seen in training (cold items) — so the cold bin's gate is never fit
 * on warm data and keeps its text-leaning initialisation.
 */
import type { PackedSequences } from '../../protocol/worker';

/** Training-interaction count per item (index = item id). */
export function itemFrequency(train: PackedSequences, numItems: number): Int32Array {
  const counts = new Int32Array(numItems + 1);
  for (const it of train.values) if (it >= 1 && it <= numItems) counts[it] = (counts[it] ?? 0) + 1;
  return counts;
}

/** Bin per item (index = item id; padding gets the cold bin). */
export function frequencyBins(freq: Int32Array, bins: number): Int32Array {
  const cold = bins - 1;
  const out = new Int32Array(freq.length).fill(cold);
  const warm: number[] = [];
  for (let it = 1; it < freq.length; it++) if ((freq[it] ?? 0) > 0) warm.push(it);
  warm.sort((a, b) => (freq[b] ?? 0) - (freq[a] ?? 0) || a - b);
  warm.forEach((it, rank) => (out[it] = Math.min(cold - 1, Math.floor((rank * cold) / Math.max(1, warm.length)))));
  return out;
}
