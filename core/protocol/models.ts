/**
 * Local models the studio can use: a Hugging Face folder inspected before anything is loaded
 * (architecture, size, memory against this machine), and the workspace's registry of models.
 */
import type { ApiError } from './dto';

/** What a local HF folder holds, read from config.json and safetensors headers only. */
export interface ModelFolderInfo {
  readonly path: string;
  /** config.json model_type: llama, qwen2, mistral. */
  readonly architecture: string;
  readonly config: {
    readonly layers: number;
    readonly hidden: number;
    readonly intermediate: number;
    readonly heads: number;
    readonly kvHeads: number;
    readonly vocab: number;
    readonly tiedEmbeddings: boolean;
    readonly ropeTheta: number;
    readonly maxPositions: number;
    readonly torchDtype: string | null;
  };
  /** Parameters config.json implies. */
  readonly parameters: number;
  readonly layout: 'single' | 'sharded';
  readonly dtypes: readonly { readonly dtype: string; readonly tensors: number; readonly bytes: number }[];
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
  readonly memory: {
    /** Estimated bytes to run the model (float32 weights + KV cache + activations). */
    readonly inferenceBytes: number;
    /** Estimated bytes to train a LoRA adapter on it. */
    readonly loraTrainingBytes: number;
    /** Memory this machine has free now. */
    readonly availableBytes: number;
    readonly fitsInference: boolean;
    readonly fitsLoraTraining: boolean;
  };
  readonly tokenizer: { readonly present: boolean; readonly modelType: string | null; readonly vocabSize: number | null; readonly problem: ApiError | null };
  readonly warnings: readonly string[];
}

/** A model registered in the workspace (recipes pick their base LM from these). */
export interface RegisteredModel {
  readonly id: string;
  readonly name: string;
  readonly kind: 'hf-lm';
  readonly path: string;
  readonly createdAt: string;
  readonly info: ModelFolderInfo;
}
