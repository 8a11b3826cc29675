import { describe, expect, it } from 'vitest';
import { startRunRequestSchema } from '../../core/protocol/runSchemas';
import { listRecipes } from './recipes';

describe('recipes.list', () => {
  it('says what Resume keeps for each recipe with its own checkpoints', () => {
    const note = (id: string): string | undefined => listRecipes().find((r) => r.id === id)?.resumeNote;
    expect(note('rellax')).toMatch(/keeps the stage-1 adapters and the variants already scored/);
    expect(note('recbase')).toMatch(/keeps the trained decoders when the semantic IDs come out the same/);
    expect(note('pad')).toMatch(/keeps the seeds that finished/);
    for (const id of ['reccocktail', 'cprec']) expect(note(id)).toMatch(/keeps the training stages that finished/);
    expect(note('sasrec')).toMatch(/last checkpoint, written at the end of every epoch: the steps of the epoch that was cut off train again/);
    expect(note('lm-pretrain')).toMatch(/one every 'Checkpoint every' steps\): the steps after it train again/);
  });

  it('says which recipes are built for several domains, so the form can warn on a one-domain dataset', () => {
    const multi = listRecipes().filter((r) => r.domains !== undefined).map((r) => [r.id, r.domains?.min]);
    expect(multi).toEqual(expect.arrayContaining([['cprec', 2], ['reccocktail', 2], ['recbase', 2]]));
    expect(listRecipes().find((r) => r.id === 'sasrec')?.domains).toBeUndefined();
  });

  it('describes every setting with a title, a default and its bounds, as the forms need', () => {
    for (const recipe of listRecipes()) {
      const groups = Object.entries(recipe.settings.properties ?? {});
      expect(groups.map(([k]) => k).sort()).toEqual(recipe.id === 'sasrec' ? ['eval', 'modelConfig', 'train'] : expect.arrayContaining(['settings']));
      for (const [, group] of groups) {
        for (const [key, leaf] of Object.entries(group.properties ?? {})) {
          expect(leaf.title, key).toBeTruthy();
          expect(leaf.description, key).toBeTruthy();
          expect(leaf.default, key).toBeDefined();
          if (leaf.type === 'integer') expect(leaf.minimum, key).toBeDefined();
        }
      }
    }
  });

  it("marks every domain setting as a domain-ref, so the form offers the dataset's domains", () => {
    const domainFields = listRecipes().flatMap((r) =>
      Object.values(r.settings.properties ?? {}).flatMap((g) => Object.entries(g.properties ?? {}).filter(([k]) => /domain$/i.test(k)).map(([k, leaf]) => [`${r.id}.${k}`, leaf.format] as const)),
    );
    expect(domainFields.map(([name]) => name).sort()).toEqual(['cprec.targetDomain', 'pad.domain', 'recbase.heldOutDomain', 'reccocktail.targetDomain', 'rellax.domain']);
    for (const [name, format] of domainFields) expect(format, name).toBe('domain-ref');
  });

  it('bounds every free-text setting, so a run request cannot carry megabytes into the runs table and every runs.list', () => {
    const request = (settings: Record<string, unknown>, model = 'reccocktail'): boolean => startRunRequestSchema.safeParse({ datasetId: 'ds_1', model, settings }).success;
    expect(request({ template: 'x'.repeat(4000) })).toBe(true);
    expect(request({ template: 'x'.repeat(4001) })).toBe(false);
    expect(request({ targetDomain: 'd'.repeat(201) })).toBe(false);
    for (const [model, key] of [['pad', 'domain'], ['rellax', 'domain'], ['recbase', 'heldOutDomain'], ['cprec', 'targetDomain']] as const) expect(request({ [key]: 'd'.repeat(201) }, model), model).toBe(false);
    for (const recipe of listRecipes()) {
      for (const group of Object.values(recipe.settings.properties ?? {})) {
        for (const [key, leaf] of Object.entries(group.properties ?? {})) if (leaf.type === 'string' && leaf.enum === undefined) expect((leaf as { maxLength?: number; pattern?: string }).maxLength ?? (leaf as { pattern?: string }).pattern, `${recipe.id}.${key}`).toBeDefined();
      }
    }
  });

  it('its defaults form a request the host accepts, for every recipe', () => {
    for (const recipe of listRecipes()) {
      const defaults = Object.fromEntries(Object.entries(recipe.settings.properties ?? {}).map(([g, s]) => [g, Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, v.default]))]));
      expect(startRunRequestSchema.safeParse({ datasetId: 'ds_1', model: recipe.id, ...defaults }).success, recipe.id).toBe(true);
    }
  });

  it('every preset names existing fields and forms a request the host accepts', () => {
    for (const recipe of listRecipes()) {
      for (const preset of recipe.presets) {
        const groups = Object.fromEntries(Object.entries(recipe.settings.properties ?? {}).map(([g, s]) => [g, Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, v.default]))]));
        for (const [path, value] of Object.entries(preset.values)) {
          const [group, key] = path.split('.') as [string, string];
          expect(groups[group] && key in groups[group], `${recipe.id}/${preset.id}: ${path}`).toBe(true);
          (groups[group] as Record<string, unknown>)[key] = value;
        }
        expect(startRunRequestSchema.safeParse({ datasetId: 'ds_1', model: recipe.id, ...groups }).success, `${recipe.id}/${preset.id}`).toBe(true);
      }
    }
  });
});
