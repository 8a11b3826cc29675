/** RecBase's stages, as its runner reports them and the catalog shows them. */

/** Stage ids in run order, with titles (for the recipe's catalog entry). */
export const RECBASE_STAGES = [
  { id: 'data', title: 'Domains and held-out split' },
  { id: 'vectors', title: 'Item text vectors' },
  { id: 'rq-vae', title: 'Plain RQ-VAE' },
  { id: 'cl-vae', title: 'CL-VAE (curriculum)' },
  { id: 'pretrain', title: 'Pre-train code decoder' },
  { id: 'zero-shot', title: 'Zero-shot evaluation' },
  { id: 'fine-tune', title: 'In-domain fine-tuning' },
  { id: 'export', title: 'Export IDs and codebooks' },
] as const;
