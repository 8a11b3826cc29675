import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_QWEN2, writeTinyModel } from '../../core/platform/hf/inspectTestFolder';
import type { ModelFolderInfo, RegisteredModel } from '../../core/protocol/models';
import { startHarness, type Harness } from '../testing/hostHarness';
import { createDispatch } from './api';
import { assertRunnable, inspectModelFolder } from './modelFolders';

describe('local model folders through the protocol', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness(false);
    dir = join(h.dir, 'tiny-qwen2');
    await writeTinyModel(dir, TINY_QWEN2, { dtype: 'BF16' });
  });
  afterAll(async () => h.dispose());

  it('shows architecture, size and memory fit, then registers and forgets the model', async () => {
    const dispatch = createDispatch(h.ctx);
    const inspected = await dispatch('models.inspect', { path: dir });
    if (!inspected.ok) throw new Error(inspected.error.message);
    const info = inspected.value as ModelFolderInfo;
    expect(info).toMatchObject({ architecture: 'qwen2', config: { layers: 2, hidden: 16, heads: 4, kvHeads: 2, tiedEmbeddings: true }, layout: 'single' });
    expect(info.dtypes.map((d) => d.dtype)).toEqual(['BF16']);
    expect(info.parameters).toBeGreaterThan(0);
    expect(info.memory.fitsInference).toBe(true);
    const registered = await dispatch('models.register', { path: dir, name: 'tiny' });
    expect(registered).toMatchObject({ ok: true, value: { name: 'tiny', kind: 'hf-lm', path: dir } });
    const id = (registered as { value: RegisteredModel }).value.id;
    // One entry per folder and per name: run forms pick models by name.
    expect(await dispatch('models.register', { path: dir, name: 'again' })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/already registered as 'tiny'/) as unknown, location: { field: 'path' } } });
    expect(await dispatch('models.register', { path: `${dir}/`, name: 'TINY' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('models.list', {})).toMatchObject({ ok: true, value: [{ id }] });
    expect(await dispatch('models.remove', { modelId: id })).toEqual({ ok: true, value: null });
    expect(await dispatch('models.list', {})).toEqual({ ok: true, value: [] });
  });

  it('names the missing or corrupt file, refuses relative paths and what does not fit', async () => {
    const dispatch = createDispatch(h.ctx);
    const broken = join(h.dir, 'broken');
    await writeTinyModel(broken, TINY_QWEN2);
    await rm(join(broken, 'config.json'));
    expect(await dispatch('models.inspect', { path: broken })).toMatchObject({ ok: false, error: { location: { file: 'config.json' } } });
    expect(await dispatch('models.inspect', { path: 'models/x' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const tooBig = await inspectModelFolder(dir, 1024);
    expect(tooBig.memory.fitsInference).toBe(false);
    expect(() => assertRunnable(tooBig)).toThrow(/needs about .* but only .* is free/);
  });
});
