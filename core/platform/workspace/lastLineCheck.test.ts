import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/tempDir';
import { openLastLineWarnings } from './lastLineCheck';

describe('open last line check', () => {
  const t = useTempDir('recforge-lastline-');

  it('names a text file whose last line has no line end, with that line', async () => {
    const cut = await t.file('u.data', '1\t2\t3\t881250949\n4\t5\t3\t8812');
    expect(await openLastLineWarnings([cut])).toEqual([
      { code: 'import', message: expect.stringMatching(/^the last line has no line end: if the file was cut off/) as unknown, location: { file: 'u.data', line: 2, expected: 'a line end after the last row' } },
    ]);
  });

  it('says nothing of complete, empty, CRLF or compressed files', async () => {
    const files = [await t.file('a.csv', 'u,i\n1,2\n'), await t.file('b.csv', ''), await t.file('c.csv', 'u,i\r\n1,2\r\n'), await t.file('d.jsonl.gz', 'not really gzip'), await t.file('e.parquet', 'PAR1')];
    expect(await openLastLineWarnings(files)).toEqual([]);
  });
});
