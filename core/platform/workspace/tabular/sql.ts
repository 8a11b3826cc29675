/** Quoting for the SQL we assemble: file paths, column names and option values are user data. */

/** A single-quoted SQL string literal. */
export function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A double-quoted identifier (source columns may be named "user", "time", "my col", …). */
export function ident(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/** A DuckDB STRUCT literal mapping names to type names, for read_csv(columns = …). */
export function columnsLiteral(cols: readonly { readonly name: string; readonly type: string }[]): string {
  return `{${cols.map((c) => `${lit(c.name)}: ${lit(c.type)}`).join(', ')}}`;
}

/** A JSONPath selecting a top-level key, quoted so any key works. */
export function jsonKeyPath(key: string): string {
  return lit(`$."${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
}
