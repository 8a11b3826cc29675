/**
 * The tokenizer contract the rest of the engine uses. Implementations: the HF tokenizer.json adapter
 * (hfTokenizer.ts) and our own byte-level BPE (bpeTokenizer.ts), so training code never depends on
 * where the vocabulary came from.
 */

/** Options of TextTokenizer.decode. */
export interface DecodeOptions {
  /** Drop special tokens (pad, bos, eos, …) from the text (default false: decode is lossless). */
  readonly skipSpecial?: boolean;
}

/**
 * Text ↔ token ids. `encode` never adds special tokens: the caller prepends `bosId` (when defined)
 * and appends `eosId` itself, so packing and padding stay in one place (core/train).
 */
export interface TextTokenizer {
  /** One past the largest token id (embedding rows needed). */
  readonly vocabSize: number;
  /** Defined only when the model expects every sequence to start with it (LLaMA yes, Qwen2 no). */
  readonly bosId?: number;
  readonly eosId: number;
  /** Padding id; the eos id when the tokenizer defines no pad token (HF convention). */
  readonly padId: number;
  /** Ids of `text`, special-token strings in the text mapped to their ids, none added. */
  encode(text: string): number[];
  /** Text of `ids`; RecForgeError('validation') for an id outside [0, vocabSize). */
  decode(ids: readonly number[], opts?: DecodeOptions): string;
}

/** Contents of the special tokens a trained tokenizer reserves (ids 0.. in this order: pad, eos, bos, unk). */
export interface SpecialTokenNames {
  readonly pad: string;
  readonly eos: string;
  readonly bos: string;
  /** Never produced by byte-level BPE (every byte has a token); kept for HF compatibility. */
  readonly unk: string;
}

/** Defaults of SpecialTokenNames. */
export const DEFAULT_SPECIAL_TOKENS: SpecialTokenNames = { pad: '<pad>', eos: '<eos>', bos: '<bos>', unk: '<unk>' };
