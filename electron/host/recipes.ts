/** recipes.list: the catalog with each recipe's settings as JSON Schema (input side: defaults shown). */
import { z } from 'zod';
import { RECIPES } from '../../core/recipes/catalog';
import type { JsonSchema, RecipeInfo } from '../../core/protocol/recipes';

let cached: RecipeInfo[] | null = null;

export function listRecipes(): RecipeInfo[] {
  cached ??= RECIPES.map((r) => ({
    id: r.id, title: r.title, paper: r.paper, summary: r.summary, stages: r.stages, formDefaults: r.formDefaults, presets: r.presets ?? [],
    ...(r.headlineVariant === undefined ? {} : { headlineVariant: r.headlineVariant }),
    ...(r.resumeNote === undefined ? {} : { resumeNote: r.resumeNote }),
    ...(r.domains === undefined ? {} : { domains: r.domains }),
    settings: z.toJSONSchema(r.settings, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
  }));
  return cached;
}

/** The settings of a recipe that name a domain of the run's dataset (JSON Schema format 'domain-ref'). */
export function domainRefSettings(recipeId: string): string[] {
  const settings = listRecipes().find((r) => r.id === recipeId)?.settings.properties?.['settings']?.properties ?? {};
  return Object.entries(settings).filter(([, leaf]) => leaf.format === 'domain-ref').map(([key]) => key);
}
