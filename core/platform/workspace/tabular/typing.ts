/**
 * SQL expressions that turn a source column (whatever type the reader produced) into the value
 * a role needs. Text sources are converted with TRY_CAST, so a bad value yields NULL, which the
 * staging step then reports as a located error rather than aborting the whole scan.
 */

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/** A column as seen by the staging query: its SQL expression and its DuckDB type. */
export interface SourceColumn {
  readonly expr: string;
  readonly type: string;
  /** SQL true where the value is an object or a list (a JSON or Parquet structure), which no id can be. */
  readonly nested?: string;
}

/** True when the reader already delivers a number. */
export function isNumericType(type: string): boolean {
  return NUMERIC.test(type);
}

/** The value as VARCHAR. */
export function asText(c: SourceColumn): string {
  return c.type === 'VARCHAR' ? c.expr : `CAST(${c.expr} AS VARCHAR)`;
}

/** The value as DOUBLE; booleans count as 0/1 (click labels), text is parsed, else NULL. */
export function asNumber(c: SourceColumn): string {
  if (isNumericType(c.type) || c.type === 'BOOLEAN') return `CAST(${c.expr} AS DOUBLE)`;
  const t = asText(c);
  return `CASE lower(trim(${t})) WHEN 'true' THEN 1.0 WHEN 'false' THEN 0.0 ELSE TRY_CAST(${t} AS DOUBLE) END`;
}

/** A time of day ending in a UTC offset: "…:00Z", "…:00+02:00", "…:00.5 -0530" (a date's "-15" is no offset). */
const UTC_OFFSET_AFTER_TIME = String.raw`:\d{2}(\.\d*)?\s*([zZ]|[+-]\d{2}(:?\d{2})?)$`;

/**
 * The value as a DOUBLE timestamp: numbers are kept as they are (seconds or milliseconds — only
 * the order matters), dates and times become epoch seconds, text is tried as a number first and
 * then as an ISO date / date-time (with or without a UTC offset).
 */
export function asTime(c: SourceColumn): string {
  if (isNumericType(c.type)) return `CAST(${c.expr} AS DOUBLE)`;
  if (c.type === 'TIMESTAMP WITH TIME ZONE') return `epoch(${c.expr})`;
  if (c.type === 'DATE' || c.type.startsWith('TIMESTAMP')) return `epoch(CAST(${c.expr} AS TIMESTAMP))`;
  const t = asText(c);
  // A cast to TIMESTAMP accepts "…+02:00" but drops the offset; only text ending in one goes to TIMESTAMPTZ (naive text must not follow the session time zone).
  const withOffset = `regexp_matches(trim(${t}), '${UTC_OFFSET_AFTER_TIME}')`;
  return `COALESCE(TRY_CAST(${t} AS DOUBLE), CASE WHEN ${withOffset} THEN epoch(TRY_CAST(${t} AS TIMESTAMPTZ)) ELSE epoch(TRY_CAST(${t} AS TIMESTAMP)) END)`;
}

/** True when a text source holds something (a blank cell means "absent", not "bad"). */
export function present(c: SourceColumn): string {
  return c.type === 'VARCHAR' ? `(${c.expr} IS NOT NULL AND trim(${c.expr}) <> '')` : `(${c.expr} IS NOT NULL)`;
}
