import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../protocol/dto';
import { openTextSource } from './textFile';
import { useTempDir } from '../testing/tempDir';

const t = useTempDir('rf-text-');

async function readAll(p: string, encoding: 'utf-8' | 'latin1', onProgress?: (p: ImportProgress) => void): Promise<string> {
  const src = await openTextSource(p, onProgress ? { name: 'f', encoding, onProgress } : { name: 'f', encoding });
  let s = '';
  for await (const c of src.chunks) s += c;
  return s;
}

describe('openTextSource', () => {
  it('decodes UTF-8 split across reads, and reports final progress', async () => {
    const text = 'é€😀,'.repeat(400_000); // > 1 MiB: multi-byte characters straddle read boundaries
    const f = await t.file('a.csv', text);
    const events: ImportProgress[] = [];
    expect(await readAll(f.path, 'utf-8', (p) => events.push(p))).toBe(text);
    expect(events.at(-1)).toEqual({ file: 'f', bytesRead: Buffer.byteLength(text), totalBytes: Buffer.byteLength(text) });
  });

  it('decodes latin1 exactly and gunzips by magic bytes, whatever the extension', async () => {
    const f = await t.file('u.item', gzipSync(Buffer.from('1|Café (1995)|', 'latin1')));
    expect(await readAll(f.path, 'latin1')).toBe('1|Café (1995)|');
  });

  it('turns invalid UTF-8 into U+FFFD for the parsers to flag', async () => {
    const f = await t.file('bad.csv', Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    expect(await readAll(f.path, 'utf-8')).toBe('a\ufffd\ufffdb');
  });

  it('reports an unreadable file and corrupt gzip as located import errors', async () => {
    await expect(openTextSource(`${t.dir}/none.csv`, { name: 'none.csv', encoding: 'utf-8' })).rejects.toMatchObject({ code: 'import', location: { file: 'none.csv' } });
    const f = await t.file('x.gz', Buffer.concat([gzipSync('hello world'.repeat(100)).subarray(0, 20), Buffer.alloc(20, 7)]));
    await expect(readAll(f.path, 'utf-8')).rejects.toMatchObject({ code: 'import', location: { file: 'f', expected: 'valid gzip data' } });
  });
});
