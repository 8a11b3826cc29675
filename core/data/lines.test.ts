import { describe, expect, it } from 'vitest';
import { splitLines, textChunks } from './lines';

async function collect(...chunks: string[]): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for await (const l of splitLines(textChunks(...chunks))) out.push([l.text, l.line]);
  return out;
}

describe('splitLines', () => {
  it('splits across chunk boundaries and strips CR', async () => {
    expect(await collect('a\tb\r', '\nc', 'd\n', 'e')).toEqual([['a\tb', 1], ['cd', 2], ['e', 3]]);
  });
  it('does not yield an empty trailing line but keeps inner blank lines', async () => {
    expect(await collect('x\n\ny\n')).toEqual([['x', 1], ['', 2], ['y', 3]]);
  });
});
