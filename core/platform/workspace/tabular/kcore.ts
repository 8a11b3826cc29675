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
import { ITEM_CODES, USER_CODES } from './encode';
import { ROWS, count } from './rows';

/** The (u, i, cnt) edge table; after a kCore that pruned, it holds exactly the surviving edges. */
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

/** True when some user or item has fewer than k interactions (degrees of the code tables when exact). */
async function anyBelow(c: DuckDBConnection, k: number, exactDegrees: boolean): Promise<boolean> {
  const low = exactDegrees
    ? `SELECT code FROM ${USER_CODES} WHERE n < ${k} UNION ALL SELECT code FROM ${ITEM_CODES} WHERE n < ${k}`
    : `SELECT u FROM ${EDGES} GROUP BY u HAVING sum(cnt) < ${k} UNION ALL SELECT i FROM ${EDGES} GROUP BY i HAVING sum(cnt) < ${k}`;
  return (await query(c, `SELECT 1 FROM (${low}) LIMIT 1`)).length > 0;
}

/** Distinct (user, item) pairs of tab_rows, counted without materialising the edge table. */
export async function distinctPairs(c: DuckDBConnection): Promise<number> {
  return num((await query(c, `SELECT count(*) AS n FROM (SELECT DISTINCT u, i FROM ${ROWS})`))[0]?.['n']);
}

/**
 * Whether the k-core will need the edge table. `untouched`: tab_rows still holds every good
 * staged row, so the code tables' counts are the degrees and a k-core that removes nothing is
 * known without any pass over the rows.
 */
export async function kCoreNeedsEdges(c: DuckDBConnection, k: number, untouched: boolean): Promise<boolean> {
  return !untouched || (await anyBelow(c, k, true));
}

/**
 * Reduces tab_rows to its k-core (see the module comment); returns the lineage step without the
 * users/items counts, which the remap provides (no extra distinct pass), and whether any row was
 * removed, in which case tab_edges holds exactly the surviving edges. `edgesReady`: tab_edges is
 * already built from the current rows.
 */
export async function kCore(c: DuckDBConnection, k: number, untouched: boolean, edgesReady: boolean): Promise<{ step: LineageStep; pruned: boolean }> {
  // rounds counts the final pass that removes nothing, so an untouched input is one round.
  const unchanged = (n: number): { step: LineageStep; pruned: boolean } => ({ step: { step: 'k-core', params: { k, rounds: 1 }, before: n, after: n }, pruned: false });
  if (!(await kCoreNeedsEdges(c, k, untouched))) return unchanged(await count(c, ROWS));
  if (!edgesReady) await buildEdges(c);
  const before = await weight(c);
  // Untouched rows reach here only with a low degree already found; others check the edges.
  if (!untouched && !(await anyBelow(c, k, false))) return unchanged(before);
  let rounds = 0;
  let alive = before;
  for (let removed = 1; removed > 0; rounds++) {
    removed = await prunePass(c, k, alive);
    alive -= removed;
  }
  return { step: { step: 'k-core', params: { k, rounds }, before, after: alive }, pruned: true };
}
