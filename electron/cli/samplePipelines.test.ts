import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../core/data/demo/vocabulary';
import type { PipelineParsed } from '../../core/protocol/pipeline';
import { RECIPES } from '../../core/recipes/catalog';
import { validateRequest } from '../host/validate';

const DIR = join(__dirname, '..', '..', 'assets', 'pipelines');

/** Every sample pipeline, validated as `recforge run` and the studio's "Run pipeline file…" validate it. */
async function samples(): Promise<Map<string, PipelineParsed>> {
  const names = (await readdir(DIR)).filter((n) => n.endsWith('.json'));
  const out = new Map<string, PipelineParsed>();
  for (const name of names) out.set(name, validateRequest('pipelines.run', JSON.parse(await readFile(join(DIR, name), 'utf8'))).request as PipelineParsed);
  return out;
}

describe('assets/pipelines: the sample pipeline files', () => {
  it('cover every recipe on the demo dataset and pass the host validation', async () => {
    const parsed = await samples();
    expect([...parsed.values()].map((p) => p.run.model).sort()).toEqual(RECIPES.map((r) => r.id).sort());
    for (const p of parsed.values()) expect(p.dataset).toEqual({ kind: 'demo' });
  });

  it("name only the demo's domains", async () => {
    const domains = DOMAINS.map((d) => d.name);
    for (const p of (await samples()).values()) {
      const settings = ('settings' in p.run ? p.run.settings : {}) as Record<string, unknown>;
      for (const field of ['targetDomain', 'heldOutDomain']) {
        const domain = settings[field];
        if (typeof domain === 'string' && domain !== '') expect(domains).toContain(domain);
      }
    }
  });
});
