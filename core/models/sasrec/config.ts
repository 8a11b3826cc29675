/**
 * SASRec hyper-parameters (Kang & McAuley 2018; pmixer/SASRec.pytorch). Defaults come from the
 * protocol's schema so the UI, the host and the engine agree on one set.
 */
import { sasRecConfigSchema } from '../../protocol/runSchemas';
import type { SasRecConfig } from '../../protocol/dto';
import { RecForgeError } from '../../errors';

/** hidden 64 (width), blocks 2, heads 1, maxLen 50 (items of history), dropout 0.2 (rate). */
export function defaultSasRecConfig(): SasRecConfig {
  return sasRecConfigSchema.parse({});
}

/** Throws RecForgeError('validation') when the config cannot build a model. */
export function validateSasRecConfig(config: SasRecConfig): void {
  const parsed = sasRecConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RecForgeError('validation', `invalid SASRec config: ${issue?.message ?? 'unknown problem'}`, {
      file: 'modelConfig',
      field: issue?.path.join('.') ?? '',
    });
  }
  if (config.hidden % config.heads !== 0) {
    throw new RecForgeError('validation', `SASRec hidden (${config.hidden}) must be divisible by heads (${config.heads})`, {
      file: 'modelConfig',
      field: 'heads',
      expected: `a divisor of ${config.hidden}`,
    });
  }
}
