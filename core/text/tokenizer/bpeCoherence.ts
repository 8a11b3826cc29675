/**
 * A BPE tokenizer.json whose merges or byte alphabet leave the vocabulary: the tokenizers library
 * in the browser and Node silently drops such pieces of text (no error, no unk), while the Rust
 * library refuses the file. We refuse it too, at the merge or byte that is missing.
 */
import { RecForgeError } from '../../errors';
import { BYTE_CHARS } from './byteLevel';

/** The two parts of a merge, given as "a b" or as ["a", "b"]; null when malformed. */
function mergeParts(merge: unknown): readonly [string, string] | null {
  if (Array.isArray(merge)) return merge.length === 2 && typeof merge[0] === 'string' && typeof merge[1] === 'string' ? [merge[0], merge[1]] : null;
  if (typeof merge !== 'string') return null;
  const parts = merge.split(' ');
  return parts.length === 2 && parts[0] !== undefined && parts[1] !== undefined ? [parts[0], parts[1]] : null;
}

/** True when the tokenizer decodes bytes with the ByteLevel decoder (itself or inside a Sequence). */
function usesByteLevel(decoder: unknown): boolean {
  if (typeof decoder !== 'object' || decoder === null) return false;
  const d = decoder as { type?: unknown; decoders?: unknown };
  return d.type === 'ByteLevel' || (Array.isArray(d.decoders) && d.decoders.some(usesByteLevel));
}

/** Checks every merge (parts and result) and, for byte-level tokenizers, all 256 byte symbols. */
export function checkBpeCoherence(json: Record<string, unknown>, file: string): void {
  const model = json.model as { vocab: Record<string, number>; merges: readonly unknown[] };
  const added = (json.added_tokens as readonly { content: string }[] | undefined) ?? [];
  const known = new Set<string>([...Object.keys(model.vocab), ...added.map((a) => a.content)]);
  model.merges.forEach((merge, i) => {
    const parts = mergeParts(merge);
    const where = { file, field: `model.merges[${i}]` };
    if (parts === null) throw new RecForgeError('import', `merge ${i} is not two tokens`, { ...where, expected: '"a b" or ["a", "b"]' });
    const missing = [parts[0], parts[1], parts[0] + parts[1]].find((t) => !known.has(t));
    if (missing !== undefined) throw new RecForgeError('import', `merge ${i} (${parts.join(' ')}) uses ${JSON.stringify(missing)}, which is not in the vocabulary`, { ...where, expected: 'merge parts and results in model.vocab' });
  });
  if (!usesByteLevel(json.decoder)) return;
  const absent = BYTE_CHARS.findIndex((c) => !known.has(c));
  if (absent >= 0) throw new RecForgeError('import', `byte 0x${absent.toString(16).padStart(2, '0')} has no token (${JSON.stringify(BYTE_CHARS[absent])})`, { file, field: 'model.vocab', expected: 'all 256 byte-level symbols' });
}
