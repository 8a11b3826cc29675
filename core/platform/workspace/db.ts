/**
 * A thin DuckDB wrapper: one connection whose operations are queued so they never interleave —
 * DuckDB transactions belong to the connection, so an unrelated call running between BEGIN and
 * COMMIT would silently join (and roll back with) someone else's transaction.
 */
import { BIGINT, BOOLEAN, DOUBLE, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { RecForgeError } from '../../errors';
import { serialQueue } from '../../serialQueue';

/** Values bound to `$n` parameters. A null is typed VARCHAR: cast it in SQL where that matters. */
export type SqlValue = string | number | bigint | boolean | null;

/** A result row with plain JS values (BIGINT arrives as bigint, LIST as array, JSON as string). */
export type Row = Readonly<Record<string, unknown>>;

/** Database files open in this process. */
const openFiles = new Set<string>();

function busy(file: string): RecForgeError {
  return new RecForgeError('busy', `the workspace database ${file} is already open (another window or process)`);
}

/** One serialised connection to a database file. */
export class Db {
  private readonly serial = serialQueue();
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  /**
   * Opens (creating if needed) a database file. Extensions are never downloaded. A file already
   * open — in this process (DuckDB would allow it, unsafely) or in another one (DuckDB's file
   * lock) — is refused with a 'busy' error.
   */
  static async open(file: string): Promise<Db> {
    if (openFiles.has(file)) throw busy(file);
    openFiles.add(file);
    try {
      const instance = await DuckDBInstance.create(file, { autoinstall_known_extensions: 'false' });
      return new Db(file, instance, await instance.connect());
    } catch (err) {
      openFiles.delete(file);
      throw err instanceof Error && /Could not set lock/i.test(err.message) ? busy(file) : err;
    }
  }

  /** Runs `fn` after all previously queued work, with the connection to itself. */
  exclusive<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.serial(() => {
      if (this.closed) throw new RecForgeError('internal', 'the workspace database is closed');
      return fn(this.conn);
    });
  }

  /** Runs `fn` exclusively inside BEGIN … COMMIT; any error rolls everything back. */
  transaction<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.exclusive((c) => withTransaction(c, fn));
  }

  /** Waits for queued work, then closes the connection and the database. Idempotent. */
  async close(): Promise<void> {
    await this.serial(async () => {
      if (this.closed) return;
      this.closed = true;
      this.conn.closeSync();
      this.instance.closeSync();
      openFiles.delete(this.file);
    });
  }
}

/** BEGIN, run `fn`, COMMIT; on any error ROLLBACK and rethrow the original error. */
export async function withTransaction<T>(c: DuckDBConnection, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const result = await fn(c);
    await c.run('COMMIT');
    return result;
  } catch (err) {
    // A failed COMMIT has already aborted the transaction; then ROLLBACK fails and that is fine.
    await c.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

function typeOf(v: SqlValue): DuckDBType {
  if (typeof v === 'bigint') return BIGINT;
  if (typeof v === 'boolean') return BOOLEAN;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BIGINT : DOUBLE;
  return VARCHAR;
}

/** Executes a statement with positional parameters ($1, $2, …). */
export async function exec(c: DuckDBConnection, sql: string, params: readonly SqlValue[] = []): Promise<void> {
  await c.run(sql, [...params], params.map(typeOf));
}

/** Runs a query and returns its rows as objects of JS values. */
export async function query(c: DuckDBConnection, sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
  const reader = await c.runAndReadAll(sql, [...params], params.map(typeOf));
  return reader.getRowObjectsJS();
}

/** Reads a numeric column value (INTEGER → number, BIGINT → bigint) as a number. */
export function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : Number(v);
}

/** Reads a nullable VARCHAR column value. */
export function strOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
