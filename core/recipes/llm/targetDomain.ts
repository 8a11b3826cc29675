/** The target domain of a multi-domain recipe run: the setting, or the last source. */
import { RecForgeError } from '../../errors';
import type { RecipeSource } from '../runner';

/** The name of the target source; RecForgeError('validation') when the setting names no source. */
export function targetDomainOf(sources: readonly RecipeSource[], setting: string): string {
  const name = setting === '' ? sources[sources.length - 1]?.name : setting;
  if (name === undefined || !sources.some((s) => s.name === name)) throw new RecForgeError('validation', `no source named '${setting}'`, { file: 'settings', field: 'targetDomain' });
  return name;
}
