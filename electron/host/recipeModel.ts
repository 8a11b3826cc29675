/**
 * The language model a recipe run starts from: 'scratch', or a model registered on the Models page
 * resolved to its folder (re-checked at dispatch: a folder moved since registration is an error
 * naming it, not a failure deep inside the worker).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { RecForgeError } from '../../core/errors';
import type { Workspace } from '../../core/platform/workspace';
import type { RecipeModelRef } from '../../core/recipes/runner';

export async function resolveRecipeModel(workspace: Workspace, base: string | undefined): Promise<RecipeModelRef> {
  if (base === undefined || base === 'scratch') return { kind: 'scratch' };
  const model = (await workspace.listModels()).find((m) => m.id === base);
  if (!model) throw new RecForgeError('not_found', `model ${base} is not registered in this workspace`, { file: 'settings', field: 'base.model', expected: "'scratch' or a model from the Models page" });
  await access(join(model.path, 'config.json')).catch(() => {
    throw new RecForgeError('not_found', `the folder of model ${model.name} is gone: ${model.path}`, { file: join(model.path, 'config.json') });
  });
  return { kind: 'folder', path: model.path };
}
