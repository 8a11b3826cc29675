import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../preprocess/prepare';
import { Rng } from './rng';
import { generateDemoDataset } from './generate';

describe('Rng', () => {
  it('is deterministic per seed and stays in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Rng(43).next()).not.toBe(new Rng(42).next());
  });
});

describe('generateDemoDataset', () => {
  const demo = generateDemoDataset();

  it('is deterministic: same seed → identical output; other seed → different output', () => {
    const again = generateDemoDataset();
    expect(again.interactions).toEqual(demo.interactions);
    expect([...again.items]).toEqual([...demo.items]);
    expect(generateDemoDataset({ seed: 1 }).interactions).not.toEqual(demo.interactions);
  });

  it('has the intended size and shape', () => {
    expect(demo.interactions.length).toBeGreaterThan(12_000);
    expect(demo.interactions.length).toBeLessThan(18_000);
    const users = new Map<string, number>();
    for (const x of demo.interactions) users.set(x.user, (users.get(x.user) ?? 0) + 1);
    expect(users.size).toBe(600);
    expect(Math.min(...users.values())).toBeGreaterThanOrEqual(8);
    expect(Math.max(...users.values())).toBeLessThanOrEqual(40);
    const domains = new Set([...demo.items.values()].map((i) => i.domain));
    expect([...domains].sort()).toEqual(['books', 'games', 'movies']);
    for (const info of demo.items.values()) {
      expect(info.genres.length === 1 || info.genres.length === 2).toBe(true);
      expect(info.title.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    expect(new Set([...demo.items.values()].map((i) => i.title)).size).toBe(demo.items.size);
  });

  it('cold items (~5%) appear only as users\u2019 final interaction, strictly after the rest', () => {
    const cold = new Set(demo.coldItems);
    expect(cold.size / demo.items.size).toBeGreaterThan(0.03);
    expect(cold.size / demo.items.size).toBeLessThan(0.07);
    const byUser = new Map<string, { item: string; timestamp: number }[]>();
    for (const x of demo.interactions) byUser.set(x.user, [...(byUser.get(x.user) ?? []), x]);
    const coldFinals = new Set<string>();
    for (const seq of byUser.values()) {
      seq.slice(0, -1).forEach((x) => expect(cold.has(x.item)).toBe(false));
      const last = seq[seq.length - 1];
      const prev = seq[seq.length - 2];
      if (last && cold.has(last.item)) {
        coldFinals.add(last.item);
        expect(last.timestamp).toBeGreaterThan(prev?.timestamp ?? 0);
      }
    }
    expect(coldFinals).toEqual(cold);
  });

  it('survives the default 5-core unchanged, so cold items reach the test split', () => {
    const p = prepareDataset(demo, { minInteractions: 5 });
    expect(p.rows.userIdx.length).toBe(demo.interactions.length);
    expect(p.domains).toEqual(['books', 'games', 'movies']);
  });

  it('has sequential structure: most consecutive items share a topic', () => {
    let share = 0;
    let pairs = 0;
    for (let k = 1; k < demo.interactions.length; k++) {
      const a = demo.interactions[k - 1];
      const b = demo.interactions[k];
      if (!a || !b || a.user !== b.user) continue;
      const ga = demo.items.get(a.item)?.genres ?? [];
      pairs += 1;
      if ((demo.items.get(b.item)?.genres ?? []).some((g) => ga.includes(g))) share += 1;
    }
    expect(share / pairs).toBeGreaterThan(0.6);
  });
});
