/**
 * The import bench's input, generated in code: a user,item,timestamp,rating CSV with realistic
 * skew (a few heavy users, a long tail of items) written in large chunks so generation does not
 * dominate the bench.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Tiny seeded generator (xorshift32): the file is identical on every run. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/**
 * Writes `rows` interactions to `file`: users ≈ rows/40 with activity ∝ r², items ≈ rows/100 with
 * popularity ∝ r³ (skewed, yet at 10M rows every user and item keeps ≥ 20 interactions, so the
 * 5-core removes nothing — a dense log; a pruning import also builds the edge table), timestamps
 * increasing with jitter (many same-second ties), ratings 1–5.
 */
export async function writeBenchCsv(file: string, rows: number): Promise<void> {
  const rnd = xorshift(42);
  const users = Math.max(10, Math.floor(rows / 40));
  const items = Math.max(10, Math.floor(rows / 100));
  const out = createWriteStream(file);
  out.write('user_id,item_id,timestamp,rating\n');
  const CHUNK = 50_000;
  for (let start = 0; start < rows; start += CHUNK) {
    const lines: string[] = [];
    for (let k = start; k < Math.min(rows, start + CHUNK); k++) {
      const u = Math.floor(rnd() ** 2 * users);
      const i = Math.floor(rnd() ** 3 * items);
      const ts = 1_500_000_000 + Math.floor(k / 4) + Math.floor(rnd() * 3);
      lines.push(`u${u},${i},${ts},${1 + Math.floor(rnd() * 5)}\n`);
    }
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
