/**
 * User histories as pretraining texts: "A user interacted with: t1; t2; …", cut into consecutive
 * chunks that each fit one training row, so no interaction is silently truncated away by the
 * trainer (which keeps only the last maxLen tokens of an over-long example).
 */

/** The text of a run of titles. */
export function historyText(titles: readonly string[]): string {
  return `A user interacted with: ${titles.join('; ')}`;
}

/**
 * Greedy chunks of consecutive titles whose text `fits` (measured exactly, e.g. token count ≤
 * budget). A single title that does not fit alone still gets its own chunk (the trainer cuts it).
 */
export function chunkHistory(titles: readonly string[], fits: (text: string) => boolean): string[] {
  const out: string[] = [];
  let chunk: string[] = [];
  for (const title of titles) {
    const next = [...chunk, title];
    if (chunk.length > 0 && !fits(historyText(next))) {
      out.push(historyText(chunk));
      chunk = [title];
    } else {
      chunk = next;
    }
  }
  if (chunk.length > 0) out.push(historyText(chunk));
  return out;
}
