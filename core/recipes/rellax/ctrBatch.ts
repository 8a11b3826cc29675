/**
 * A batch of CTR prompts as the forward pass needs it: right-padded ids (causal attention never
 * lets a real token see the padding after it), the flat index of each row's last prompt token,
 * SPA slot ids remapped past the vocabulary, labels, and CRM inputs for CFLoRA.
 */
import type { CtrSample } from './ctrData';
import { crmInputs } from './crm';
import type { Prompt } from './prompt';

/** Column data of one batch. */
export interface CtrBatch {
  readonly rows: number;
  readonly length: number;
  readonly ids: Int32Array; // [rows × length]
  readonly lastIndex: Int32Array; // row·length + (prompt length − 1)
  readonly softItems: Int32Array; // item of soft id vocab + s
  readonly labels: Float32Array;
  readonly crm: Int32Array; // [rows × crmMaxLen] full recent histories
}

/** Collates prompts (SPA slots → ids vocabSize + s, in batch order). */
export function collateCtr(samples: readonly CtrSample[], prompts: readonly Prompt[], vocabSize: number, crmMaxLen: number): CtrBatch {
  const length = Math.max(...prompts.map((p) => p.tokens.length));
  const ids = new Int32Array(prompts.length * length);
  const lastIndex = new Int32Array(prompts.length);
  const softItems: number[] = [];
  prompts.forEach((p, r) => {
    ids.set(p.tokens, r * length);
    p.softPositions.forEach((pos, j) => {
      ids[r * length + pos] = vocabSize + softItems.length;
      softItems.push(p.softItems[j] ?? 0);
    });
    lastIndex[r] = r * length + p.tokens.length - 1;
  });
  const labels = Float32Array.from(samples, (s) => s.label);
  return { rows: prompts.length, length, ids, lastIndex, softItems: Int32Array.from(softItems), labels, crm: crmInputs(samples.map((s) => s.history), crmMaxLen) };
}
