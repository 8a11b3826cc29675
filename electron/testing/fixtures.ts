/**
 * Small interaction logs written in code for host tests.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `users` users each walking `perUser` steps through a ring of `items` items (learnable order). */
export async function writeRingCsv(dir: string, users = 120, perUser = 12, items = 60): Promise<string> {
  const lines = ['user,item,timestamp,title'];
  for (let u = 0; u < users; u++) {
    const start = (u * 7) % items;
    for (let t = 0; t < perUser; t++) {
      const item = (start + t) % items;
      lines.push(`u${u},i${item},${1_000 + u * 100 + t},"Item ${item}, the ${item % 2 ? 'odd' : 'even'} one"`);
    }
  }
  const path = join(dir, 'ring.csv');
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}
