import * as tf from '@tensorflow/tfjs';
import { truncate } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { nodeRecipeFiles } from '../../platform/recipeFiles';
import type { RecipeFiles } from './recipeFiles';
import { useTempDir } from '../../testing/tempDir';
import { useTensorSuite } from '../../testing/tensorSuite';
import { stageCheckpoints, stageFile, type StageOutput } from './stageCheckpoints';

useTensorSuite();
const tmp = useTempDir('stage-checkpoints-');

/** A stage that counts its trainings and yields [value]. */
function counted(value: number): { train: () => Promise<StageOutput>; runs: () => number } {
  let runs = 0;
  return { train: () => Promise.resolve({ tensors: new Map([['w', tf.tensor([value])]]), note: `v${(runs += 1)}` }), runs: () => runs };
}

async function valueOf(out: StageOutput): Promise<number> {
  const v = (await out.tensors.get('w')?.data())?.[0] ?? NaN;
  tf.dispose([...out.tensors.values()]);
  return v;
}

describe('stage checkpoints', () => {
  it('a resume restores tensors and note of a finished stage; a fresh run, another fingerprint or another scope trains again', async () => {
    const stage = counted(3);
    const fresh = await stageCheckpoints(nodeRecipeFiles, tmp.dir, false, 'f').through('s', stage.train);
    expect(fresh.restored).toBeUndefined();
    expect(await valueOf(fresh)).toBe(3);
    const resumed = await stageCheckpoints(nodeRecipeFiles, tmp.dir, true, 'f').through('s', stage.train);
    expect(resumed.note).toBe('v1');
    expect(resumed.restored).toBe(true);
    expect(await valueOf(resumed)).toBe(3);
    expect(stage.runs()).toBe(1);
    await valueOf(await stageCheckpoints(nodeRecipeFiles, tmp.dir, true, 'g').through('s', stage.train));
    expect(stage.runs()).toBe(2); // written under g now
    await valueOf(await stageCheckpoints(nodeRecipeFiles, tmp.dir, true, 'g').within('ids 1').through('s', stage.train));
    expect(stage.runs()).toBe(3);
    await valueOf(await stageCheckpoints(nodeRecipeFiles, tmp.dir, false, 'g').within('ids 1').through('s', stage.train));
    expect(stage.runs()).toBe(4);
  });

  it('a damaged stage file is trained again, not an error', async () => {
    const stage = counted(5);
    await valueOf(await stageCheckpoints(nodeRecipeFiles, tmp.dir, false, 'f').through('s', stage.train));
    await truncate(stageFile(tmp.dir, 's'), 20);
    expect(await valueOf(await stageCheckpoints(nodeRecipeFiles, tmp.dir, true, 'f').through('s', stage.train))).toBe(5);
    expect(stage.runs()).toBe(2);
  });

  it('a stage whose file cannot be written (disk full) keeps its trained output and says so; only its resume is lost', async () => {
    const full: RecipeFiles = { ...nodeRecipeFiles, saveTensors: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    const unsaved: string[] = [];
    const out = await stageCheckpoints(full, tmp.dir, false, 'f', (stage, reason) => unsaved.push(`${stage} ${reason}`)).through('s', counted(7).train);
    expect(await valueOf(out)).toBe(7);
    expect(unsaved).toEqual(['s ENOSPC: no space left on device']);
  });
});
