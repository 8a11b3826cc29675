/**
 * Sampled-evaluation candidates: the target plus N negatives drawn uniformly WITHOUT replacement
 * from the items the user never interacted with (train, valid and test items all excluded).
 * Each user's draw comes from its own stream seeded by (seed, user, target), so it does not
 * depend on batching or on which other users are evaluated.
 */
import { RecForgeError } from '../errors';
import { containsSorted } from '../train/itemSets';
import { createRng, mixSeed, shuffleInPlace, type Rng } from '../train/rng';

/** Salt per target so valid and test draw different negatives. */
export const TARGET_SALT = { valid: 1, test: 2 } as const;

/** The per-user stream for sampled evaluation. */
export function candidateRng(seed: number, user: number, target: keyof typeof TARGET_SALT): Rng {
  return createRng(mixSeed(seed, user, TARGET_SALT[target]));
}

function allowedItems(numItems: number, exclude: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 1; i <= numItems; i++) if (!containsSorted(exclude, i)) out.push(i);
  return Int32Array.from(out);
}

/**
 * `n` distinct items from 1..numItems, none in sorted `exclude`. Throws RecForgeError when the
 * user has interacted with so many items that fewer than n remain.
 */
export function sampleNegativesWithoutReplacement(rng: Rng, numItems: number, exclude: Int32Array, n: number): Int32Array {
  let excluded = 0;
  for (const x of exclude) if (x >= 1 && x <= numItems) excluded++;
  const available = numItems - excluded;
  if (available < n) {
    throw new RecForgeError('validation', `sampled evaluation needs ${n} negatives but a user has only ${available} items left`, {
      file: 'eval',
      field: 'negatives',
      expected: `at most ${available}`,
    });
  }
  if (2 * n > available) {
    // Dense case: rejection would stall, so shuffle the allowed list partially.
    const pool = allowedItems(numItems, exclude);
    shuffleInPlace(pool, rng);
    return pool.slice(0, n);
  }
  const picked = new Set<number>();
  const out = new Int32Array(n);
  while (picked.size < n) {
    const c = rng.nextInt(1, numItems + 1);
    if (picked.has(c) || containsSorted(exclude, c)) continue;
    out[picked.size] = c;
    picked.add(c);
  }
  return out;
}
