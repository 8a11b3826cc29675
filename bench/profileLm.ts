/** The LM half of `bench -- profile`: one LoRA trainer step of the `bench -- lm` model, by kernel. */
import * as tf from '@tensorflow/tfjs';
import { initLmWeights } from '../core/models/lm/weights';
import { disposeAdamWState, initAdamWState } from '../core/train/lm/adamw';
import { trainStep, type GradientContext } from '../core/train/lm/step';
import { createRng } from '../core/train/rng';
import { loraModel } from '../core/train/lm/trainables';
import { initLoraAdapter } from '../core/models/lora/adapter';
import { printKernelTable, profileKernels } from './kernelProfile';
import { LM_BENCH_MODEL, LM_BENCH_STEP, LM_BENCH_TRAIN, loraBenchConfig, randomRows } from './lmShapes';

export async function profileLmStep(): Promise<void> {
  const c = LM_BENCH_MODEL;
  const lora = loraBenchConfig();
  const ctx: GradientContext = { config: c, model: loraModel(initLmWeights(c, 1), lora), dropoutRng: createRng(3) };
  let params = initLoraAdapter(c, lora, 7).tensors;
  let state = initAdamWState(params);
  const [warm, profiled] = randomRows(c, 2);
  const step = async (b: typeof warm): Promise<void> => {
    const r = await trainStep(ctx, params, state, [b as NonNullable<typeof warm>], LM_BENCH_STEP);
    [params, state] = [r.params, r.state];
  };
  await step(warm);
  const { stats, totalMs } = await profileKernels(async () => step(profiled));
  printKernelTable(`LM LoRA trainer step (${c.numLayers} layers, d=${c.hiddenSize}, vocab ${c.vocabSize}, batch ${LM_BENCH_TRAIN.batch} × ${LM_BENCH_TRAIN.seqLen}, r=${LM_BENCH_TRAIN.loraRank})`, stats, totalMs);
  tf.dispose([...params.values()]);
  disposeAdamWState(state);
  ctx.model.dispose();
}
