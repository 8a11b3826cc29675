/** Builds the flat LmSource layout from a list of examples (what callers and tests usually have). */
import type { LmSource } from './job';
import type { LmExample } from './packing';

/** Flattens examples into tokens/offsets/promptLengths (Int32Arrays, cheap to transfer). */
export function sourceFromExamples(name: string, examples: readonly LmExample[]): LmSource {
  const offsets = new Int32Array(examples.length + 1);
  examples.forEach((e, i) => (offsets[i + 1] = (offsets[i] as number) + e.tokens.length));
  const tokens = new Int32Array(offsets[examples.length] as number);
  examples.forEach((e, i) => tokens.set(e.tokens, offsets[i] as number));
  return { name, tokens, offsets, promptLengths: Int32Array.from(examples, (e) => e.promptLength) };
}
