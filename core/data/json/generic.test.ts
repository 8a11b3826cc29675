import { describe, expect, it } from 'vitest';
import type { RecForgeError } from '../../errors';
import { textChunks } from '../lines';
import { parseInteractionsJsonl, parseInteractionsJsonlFiles } from './generic';

const src = (name: string, ...lines: string[]) => ({ name, chunks: textChunks(lines.map((l) => `${l}\n`).join('')) });

describe('generic JSON lines', () => {
  it('reads user, item, timestamp with optional rating and title', async () => {
    const ds = await parseInteractionsJsonlFiles([
      src('a.jsonl', '{"user": "u1", "item": 7, "timestamp": 10, "rating": 4.5, "title": "Seven"}', '{"user": "u2", "item": 7, "timestamp": 11, "rating": null}'),
      src('b.jsonl', '{"user": 3, "item": "x", "timestamp": "12"}'),
    ]);
    expect(ds.interactions).toEqual([
      { user: 'u1', item: '7', timestamp: 10, rating: 4.5 },
      { user: 'u2', item: '7', timestamp: 11 },
      { user: '3', item: 'x', timestamp: 12 },
    ]);
    expect([...ds.items]).toEqual([['7', { title: 'Seven', genres: [] }]]);
  });
  it('locates a missing field and a non-numeric timestamp', async () => {
    const loc = async (...lines: string[]): Promise<unknown> =>
      parseInteractionsJsonl(src('e.jsonl', ...lines)).then(() => null, (e: unknown) => (e as RecForgeError).location);
    expect(await loc('{"user": "u", "timestamp": 1}')).toEqual({ file: 'e.jsonl', line: 1, field: 'item', expected: 'a non-empty string id' });
    expect(await loc('{"user": "u", "item": "i", "timestamp": 1}', '{"user": "u", "item": "i", "timestamp": true}'))
      .toEqual({ file: 'e.jsonl', line: 2, field: 'timestamp', expected: 'a number' });
  });
});
