/**
 * Split pre-tokenizers the tokenizers library would run differently from the Rust one: a pattern
 * kind it does not know makes every encode return nothing (a console warning only), and the
 * behaviours MergedWithPrevious / MergedWithNext / Contiguous run as Isolated. Real LLaMA-3 and
 * Qwen2 files use Regex/String patterns with Isolated; anything else is refused where it is.
 */
import { RecForgeError } from '../../errors';

const BEHAVIOURS = ['Isolated', 'Removed'];

function checkSplit(p: Record<string, unknown>, field: string, file: string): void {
  const pattern = p.pattern as Record<string, unknown> | undefined;
  const kinds = pattern && typeof pattern === 'object' ? Object.keys(pattern) : [];
  if (kinds.length !== 1 || !['Regex', 'String'].includes(kinds[0] ?? '')) {
    throw new RecForgeError('import', `Split pattern ${JSON.stringify(pattern)} is not supported`, { file, field: `${field}.pattern`, expected: '{"Regex": …} or {"String": …}' });
  }
  if (!BEHAVIOURS.includes(String(p.behavior))) {
    throw new RecForgeError('import', `Split behavior ${JSON.stringify(p.behavior)} is not supported`, { file, field: `${field}.behavior`, expected: BEHAVIOURS.join(' or ') });
  }
}

/** Walks `pre_tokenizer` (Sequences included) and checks every Split in it. */
export function checkPreTokenizer(pre: unknown, file: string, field = 'pre_tokenizer'): void {
  if (typeof pre !== 'object' || pre === null) return;
  const p = pre as Record<string, unknown>;
  if (p.type === 'Split') checkSplit(p, field, file);
  if (p.type === 'Sequence' && Array.isArray(p.pretokenizers)) p.pretokenizers.forEach((inner, i) => checkPreTokenizer(inner, file, `${field}.pretokenizers[${i}]`));
}
