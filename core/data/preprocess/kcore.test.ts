import { describe, expect, it } from 'vitest';
import type { RawInteraction } from '../types';
import { kCore } from './kcore';

const rows = (pairs: string): RawInteraction[] =>
  pairs.split(' ').map((p, i) => {
    const [user = '', item = ''] = p.split(':');
    return { user, item, timestamp: i };
  });

describe('kCore', () => {
  it('keeps everything already in the 2-core', () => {
    const data = rows('a:x a:y b:x b:y');
    expect(kCore(data, 2)).toMatchObject({ kept: data, rounds: 1, users: 2, items: 2 });
  });

  it('cascades: removing an item pushes a user below k, which pushes another item below k', () => {
    // k = 2. Degrees: users a2 b3 c2 d1, items x2 y3 w2 z1.
    // Round 1 removes c:z (z has 1) and d:y (d has 1) → c is left with 1 interaction.
    // Round 2 removes c:w (user c) → item w is left with 1.  Round 3 removes b:w (item w).
    // Round 4 removes nothing: a and b each have x, y; x and y each have a, b.
    const data = rows('a:x a:y b:x b:y b:w c:w c:z d:y');
    const res = kCore(data, 2);
    expect(res.kept.map((x) => `${x.user}:${x.item}`)).toEqual(['a:x', 'a:y', 'b:x', 'b:y']);
    expect(res.rounds).toBe(4);
    expect([res.users, res.items]).toEqual([2, 2]);
  });

  it('can remove everything', () => {
    expect(kCore(rows('a:x b:y'), 2).kept).toEqual([]);
  });

  it('counts repeated interactions (keep-all dedupe policy)', () => {
    expect(kCore(rows('a:x a:x b:x b:y b:y a:y'), 3).kept).toHaveLength(6);
  });
});
