/**
 * What a recipe run leaves besides its metrics: files it wrote (models, adapters, ID tables) and
 * result tables (ablations, side-by-side comparisons). Both are stored with the run and shown on
 * its page; paths are relative to the run's folder so a moved workspace stays valid.
 */

/** A file or folder a run produced. */
export interface RunArtifact {
  /** hf-model: a Hugging Face folder; peft-adapter: adapter_config.json + adapter_model.safetensors. */
  readonly kind: 'hf-model' | 'peft-adapter' | 'semantic-ids' | 'codebooks' | 'text-encoder' | 'table';
  /** Relative to the run folder, e.g. "artifacts/merged-adapter". */
  readonly path: string;
  readonly title: string;
}

/** A small table of results (rows × columns), e.g. the ReLLaX ablation or CL-VAE vs RQ-VAE. */
export interface ResultTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  /** Cells: numbers are shown with 4 decimals, strings as they are, null as "—". */
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** The protocol in words (split, candidates, seeds), shown under the table. */
  readonly protocol: string;
}
