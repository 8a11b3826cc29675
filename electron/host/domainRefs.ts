/**
 * A recipe setting naming a domain (target, held-out, …) is checked against the run's dataset when
 * the run is asked for: a misspelt domain in a pipeline file is refused at its field, instead of
 * a run that is created, queued and then fails once its data is loaded.
 */
import { RecForgeError } from '../../core/errors';
import type { Workspace } from '../../core/platform/workspace';
import type { StartRunRequestParsed } from '../../core/protocol/runSchemas';
import { domainRefSettings } from './recipes';

export async function assertDomainRefs(workspace: Workspace, req: StartRunRequestParsed): Promise<void> {
  if (!('settings' in req)) return;
  const settings = req.settings as Readonly<Record<string, unknown>>;
  const named = domainRefSettings(req.model).filter((key) => typeof settings[key] === 'string' && settings[key] !== '');
  if (named.length === 0) return;
  const domains = await workspace.recipeSourceNames(req.datasetId);
  const issues = named.filter((key) => !domains.includes(settings[key] as string)).map((key) => ({ field: `settings.${key}`, message: `the dataset has no domain '${String(settings[key])}'` }));
  const [first] = issues;
  if (first === undefined) return;
  throw new RecForgeError('validation', `${first.message}; its domains: ${domains.join(', ')}`, {
    file: 'settings', field: first.field, expected: `one of ${domains.map((d) => `'${d}'`).join(', ')}, or empty for the recipe's default`,
  }, issues);
}
