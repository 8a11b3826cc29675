/**
 * Bulk insert through the DuckDB appender, one data chunk (2048 rows) at a time. The appender
 * writes into the connection's open transaction, so a ROLLBACK discards appended rows too.
 */
import { DuckDBDataChunk } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';

const CHUNK_ROWS = 2048; // DuckDB's vector size: the most a data chunk holds

/** One table column: its DuckDB type and how to read row i. Order must match the table. */
export interface ColumnSpec {
  readonly type: DuckDBType;
  readonly value: (row: number) => DuckDBValue;
}

/** Appends `rows` rows to `table`; on error nothing of this call is flushed. */
export async function appendRows(c: DuckDBConnection, table: string, rows: number, columns: readonly ColumnSpec[]): Promise<void> {
  const appender = await c.createAppender(table);
  try {
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, rows - start);
      const chunk = DuckDBDataChunk.create(columns.map((col) => col.type), n);
      chunk.setColumns(columns.map((col) => Array.from({ length: n }, (_, i) => col.value(start + i))));
      appender.appendDataChunk(chunk);
    }
  } catch (err) {
    appender.clear();
    appender.closeSync();
    throw err;
  }
  appender.closeSync(); // flushes
}
