/** Time columns given as text become the right epoch seconds in real DuckDB, UTC offsets included. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../testing/tempDir';
import { Db, query } from '../db';
import { asTime } from './typing';

const tmp = useTempDir('rf-typing-');

async function timesOf(texts: readonly string[]): Promise<(number | null)[]> {
  const db = await Db.open(path.join(tmp.dir, 'typing.duckdb'));
  try {
    const values = texts.map((t) => `('${t}')`).join(', ');
    const rows = await db.exclusive((c) => query(c, `SELECT ${asTime({ expr: 'v', type: 'VARCHAR' })} AS ts FROM (VALUES ${values}) AS t(v)`));
    return rows.map((r) => (r['ts'] === null ? null : Number(r['ts'])));
  } finally {
    await db.close();
  }
}

describe('asTime on text', () => {
  it('keeps the instant of ISO date-times with a UTC offset, and reads naive ones as UTC', async () => {
    const eightUtc = Date.UTC(2020, 0, 1, 8) / 1000;
    expect(await timesOf(['2020-01-01T10:00:00+02:00', '2020-01-01T08:00:00Z', '2020-01-01 08:00:00', '2020-01-01T03:00:00-05', '2020-01-01T08:00:00.000+0000'])).toEqual([eightUtc, eightUtc, eightUtc, eightUtc, eightUtc]);
  });

  it('reads numbers as they are, dates as midnight UTC, and anything else as missing', async () => {
    expect(await timesOf(['1577865600', '2020-01-15', 'soon'])).toEqual([1577865600, Date.UTC(2020, 0, 15) / 1000, null]);
  });
});
