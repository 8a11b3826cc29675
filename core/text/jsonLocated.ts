/**
 * JSON.parse with a located error: a file that is not valid JSON (e.g. truncated by a crash or a
 * full disk) becomes RecForgeError('import') naming the file, its line and column, instead of the
 * engine's bare "Unterminated string…", which reaches the UI as an internal error.
 */
import { RecForgeError } from '../errors';
import { jsonErrorPosition } from './jsonPosition';

/** Parses `text`, the content of the file `name`; a syntax error is located at its line and column. */
export function parseJsonLocated(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const pos = jsonErrorPosition(text) ?? { line: 1, column: 1 };
    const why = err instanceof Error ? err.message : String(err);
    throw new RecForgeError('import', `${name} is not valid JSON at line ${pos.line}, column ${pos.column} (${why})`, { file: name, line: pos.line, expected: 'JSON' });
  }
}
