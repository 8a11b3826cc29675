/**
 * The grouped configuration the RecBase pipeline reads (settings.ts maps the flat, validated
 * settings onto it). Plain data, no defaults here: the zod schema owns them.
 */

/** The residual quantiser (shared by plain RQ-VAE and CL-VAE). */
export interface QuantiserSettings {
  readonly levels: number; // (≥ 1) code levels m (paper: 4)
  readonly codes: number; // (≥ 2) codes K per level (paper: 2048)
  readonly latentDim: number; // width of z and of each codebook vector
  readonly hiddenDim: number; // encoder/decoder MLP hidden width
  readonly stepsPerLevel: number; // optimizer updates per curriculum stage; plain RQ-VAE gets levels × this
  readonly batchSize: number; // items per update
  readonly lr: number; // Adam learning rate (RQ-VAE-Recommender / LC-Rec: 1e-3)
  readonly beta: number; // commitment weight β (§4.2.2 L_Q; 0.25 in every open RQ-VAE)
  readonly gamma: number; // entropy weight γ (§4.2.2 L_E); CL-VAE only
  readonly softTemperature: number; // (> 0) soft-assignment temperature for L_E, relative to the mean distance
  readonly deadUsage: number; // (0–1) CL-VAE re-init: a code used by < deadUsage × (items / K) items is dead
  readonly reinitEvery: number; // updates between dead-code checks
  readonly reinitLevels: 'first' | 'all'; // §4.2.2 re-initialises the first level; 'all' extends it
}

/** The autoregressive model over code tokens (a tiny Qwen2-style decoder). */
export interface ArSettings {
  readonly hiddenSize: number;
  readonly layers: number;
  readonly heads: number;
  readonly windowItems: number; // items per training example / evaluation prompt (+ the target)
  readonly codeEmbeddingInit: number; // RMS of code embeddings set from the codebooks; 0 = random (codeEmbeddings.ts)
  readonly steps: number; // pre-training updates
  readonly batchSize: number;
  readonly lr: number; // WSA peak
  readonly fineTuneSteps: number; // in-domain fine-tuning updates (Table 3); 0 = skip
  readonly fineTuneLr: number;
}

/** Zero-shot evaluation on the held-out domain (§6.1, AUC). */
export interface EvalSettings {
  readonly heldOutDomain: string;
  readonly negatives: number; // uniform negatives per positive
  readonly maxCases: number; // test users scored (first ones, in user order)
  readonly scoreLevels: number; // leading code levels scored (0 = the whole ID, disambiguation included)
}

/** Every knob of a RecBase run. */
export interface RecBaseConfig {
  readonly seed: number; // any uint32; every stream derives from it
  readonly vectorDim: number; // item content vector width (itemVectors.ts)
  readonly centreDomains: boolean; // centre each domain's vectors on its own mean
  /** Items the tokenizer is fitted on: only the pre-training domains (strict zero-shot) or all. */
  readonly tokenizerFit: 'pretrain-domains' | 'all-items';
  readonly quantiser: QuantiserSettings;
  readonly ar: ArSettings;
  readonly eval: EvalSettings;
}
