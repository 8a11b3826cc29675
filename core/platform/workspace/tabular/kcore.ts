/**
 * Iterative k-core in SQL, with the semantics of core/data/preprocess/kcore.ts: degrees count
 * interactions (repeats included), every pass removes all rows touching a user or item below k
 * at once, and `rounds` includes the final pass that removes nothing. Passes run on the
 * (user, item, count) edge table, which is never larger than the rows; the surviving rows are
 * then exactly those whose user and item both survive (a removed node loses all its edges), so
 * tab_rows is not rewritten: the final insert joins it with the surviving users and items.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LineageStep } from '../../../protocol/dto';
import { exec, num, query } from '../db';
import { ROWS, count } from './rows';

/** The (u, i, cnt) edge table; after kCoreRows it holds exactly the surviving edges. */
export const EDGES = 'tab_edges';

/** (Re)builds the edge table from tab_rows; returns the number of distinct (user, item) pairs. */
export async function buildEdges(c: DuckDBConnection): Promise<number> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${EDGES} AS SELECT u, i, count(*) AS cnt FROM ${ROWS} GROUP BY u, i`);
  return count(c, EDGES);
}

async function weight(c: DuckDBConnection): Promise<number> {
  return num((await query(c, `SELECT COALESCE(sum(cnt), 0) AS n FROM ${EDGES}`))[0]?.['n']);
}

/** One pass; returns the number of interactions it removed. */
async function prunePass(c: DuckDBConnection, k: number, before: number): Promise<number> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE tab_edges_next AS SELECT * FROM ${EDGES}
    WHERE u IN (SELECT u FROM ${EDGES} GROUP BY u HAVING sum(cnt) >= ${k})
      AND i IN (SELECT i FROM ${EDGES} GROUP BY i HAVING sum(cnt) >= ${k})`);
  await exec(c, `DROP TABLE ${EDGES}`);
  await exec(c, `ALTER TABLE tab_edges_next RENAME TO ${EDGES}`);
  return before - (await weight(c));
}

/**
 * Reduces tab_edges (built from the current tab_rows) to the k-core; returns the lineage step
 * without the users/items counts, which the remap provides (no extra distinct pass).
 */
export async function kCoreEdges(c: DuckDBConnection, k: number): Promise<LineageStep> {
  const before = await weight(c);
  let rounds = 0;
  let alive = before;
  for (let removed = 1; removed > 0; rounds++) {
    removed = await prunePass(c, k, alive);
    alive -= removed;
  }
  return { step: 'k-core', params: { k, rounds }, before, after: alive };
}
