/** Splits a stream of text chunks into numbered lines. */

/** One line of text without its terminator; `line` is 1-based. */
export interface NumberedLine {
  readonly text: string;
  readonly line: number;
}

/**
 * Yields the lines of a chunked text stream. Accepts `\n` and `\r\n` terminators; a final line
 * without a terminator is still yielded, an empty trailing line is not.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  let carry = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      line += 1;
      yield { text: stripCr(text.slice(start, nl)), line };
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry.length > 0) yield { text: stripCr(carry), line: line + 1 };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

/** Wraps a string (or several) as a chunk stream; handy for tests and small in-memory inputs. */
export async function* textChunks(...chunks: readonly string[]): AsyncGenerator<string> {
  for (const c of chunks) yield c;
}
