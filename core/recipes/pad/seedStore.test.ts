import { describe, expect, it } from 'vitest';
import { memoryFilePort } from '../../testing/memoryFilePort';
import type { SeedResult } from './padCompare';
import { PadSeedStore } from './seedStore';
import { defaultPadSettings } from './settings';

const metric = (value: number): SeedResult['pad'][number] => ({ name: 'HR', k: 10, value, protocol: {} as SeedResult['pad'][number]['protocol'] });
const result: SeedResult = { seed: 4, pad: [metric(Number.NaN)], sasrec: [metric(0.25)] };

describe('PadSeedStore', () => {
  it('gives back a saved seed exactly, NaN included', async () => {
    const store = new PadSeedStore(memoryFilePort(), '/run', 'toy', defaultPadSettings());
    await store.save(result);
    expect(store.fileOf(4)).toBe('/run/checkpoints/pad-seed-4.json');
    expect(await store.load(4)).toEqual(result);
    expect(await store.load(5)).toBeNull();
  });

  it('does not reuse a seed saved under other settings, another domain or a torn file', async () => {
    const port = memoryFilePort();
    await new PadSeedStore(port, '/run', 'toy', defaultPadSettings()).save(result);
    expect(await new PadSeedStore(port, '/run', 'toy', { ...defaultPadSettings(), negatives: 50 }).load(4)).toBeNull();
    expect(await new PadSeedStore(port, '/run', 'books', defaultPadSettings()).load(4)).toBeNull();
    port.files.set('/run/checkpoints/pad-seed-4.json', new Uint8Array([123]));
    expect(await new PadSeedStore(port, '/run', 'toy', defaultPadSettings()).load(4)).toBeNull();
  });
});
