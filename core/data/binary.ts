/**
 * Binary-content detection on decoded text. The platform decodes bytes leniently, so binary input
 * shows up as NUL characters or U+FFFD replacement characters (invalid UTF-8); either means the
 * file is not the text format we expected, and we say so instead of reporting odd field errors.
 */
import { importError } from './fields';

/** Index of the first NUL or U+FFFD in `text`, or -1. */
export function findBinaryChar(text: string): number {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\ufffd');
  return nul === -1 ? bad : bad === -1 ? nul : Math.min(nul, bad);
}

/** Throws a located import error when `text` (one line of `file`) contains binary content. */
export function assertTextLine(text: string, file: string, line: number): void {
  if (findBinaryChar(text) !== -1) {
    importError('binary content (NUL byte or invalid UTF-8)', { file, line }, 'a text file');
  }
}
