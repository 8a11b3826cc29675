import { describe, expect, it } from 'vitest';
import type { RecCocktailCorpora } from '../../data/multidomain/recCocktail';
import { fewShot } from './prepare';

const example = (user: number, k: number): RecCocktailCorpora['target'][number] => ({ prompt: `p${user}.${k}`, completion: 'c', domain: 'movies', userId: `u/${user}`, targetItem: `movies:${k}` });
const corpora = { general: [example(99, 0)], target: Array.from({ length: 40 }, (_, i) => example(i % 20, i)) } as unknown as RecCocktailCorpora;

describe('few-shot ingredient corpus', () => {
  it('keeps every example of a seeded share of the users, and only theirs', () => {
    const a = fewShot(corpora, { fewShotUsers: 0.1, seed: 3 });
    const users = new Set(a.target.map((e) => e.userId));
    expect(users.size).toBe(2); // 10 % of 20 users
    expect(a.target).toHaveLength(4); // each kept user has 2 examples
    expect(a.general).toBe(corpora.general);
    expect(fewShot(corpora, { fewShotUsers: 0.1, seed: 3 }).target).toEqual(a.target);
    expect(new Set(fewShot(corpora, { fewShotUsers: 0.3, seed: 3 }).target.map((e) => e.userId)).size).toBe(6);
    expect(fewShot(corpora, { fewShotUsers: 1, seed: 3 })).toBe(corpora);
  });
});
