import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseLmConfig } from '../../models/lm/config';
import { lmForward } from '../../models/lm/forward';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { disposeLoraAdapter, initLoraAdapter, loraDelta } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { cfloraDelta, cfloraInteraction, identityInteraction, initCfloraGate } from './cflora';

useTensorSuite();

const lm = parseLmConfig({ model_type: 'llama', vocab_size: 30, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 2, max_position_embeddings: 32 });

/** An adapter with non-zero B so the delta is not trivially zero. */
function adapter(): ReturnType<typeof initLoraAdapter> {
  const a = initLoraAdapter(lm, defaultLoraConfig({ r: 4, lora_alpha: 8, target_modules: ['q_proj', 'v_proj', 'down_proj'] }), 3);
  const rng = createRng(9);
  for (const [name, t] of a.tensors) {
    if (!name.endsWith('lora_B.weight')) continue;
    a.tensors.set(name, tf.tensor2d(Float32Array.from({ length: t.size }, () => rng.nextNormal() * 0.3), t.shape as [number, number]));
    t.dispose();
  }
  return a;
}

describe('CFLoRA', () => {
  it('with W = identity equals plain LoRA exactly (delta and full forward)', () => {
    const w = initLmWeights(lm, 1, 0.2);
    const a = adapter();
    const ids = tf.tensor2d([[1, 5, 7, 9, 2], [3, 3, 8, 1, 0]], [2, 5], 'int32');
    const eye = identityInteraction(2, 4);
    const plain = lmForward(lm, w, ids, { delta: loraDelta(a) });
    const cf = lmForward(lm, w, ids, { delta: cfloraDelta(a, 2, () => eye) });
    expect(Array.from(cf.logits.dataSync())).toEqual(Array.from(plain.logits.dataSync()));
    const base = lmForward(lm, w, ids);
    expect(Array.from(base.logits.dataSync())).not.toEqual(Array.from(plain.logits.dataSync()));
    tf.dispose([plain.logits, cf.logits, base.logits, ids, eye, ...[plain, cf, base].flatMap((r) => r.cache.layers.flatMap((l) => [l.k, l.v]))]);
    disposeLoraAdapter(a);
    disposeWeights(w);
  });

  it('a fresh generator produces W = I, and a non-identity W changes the output per instance', () => {
    const params = new Map<string, tf.Tensor>();
    initCfloraGate(params, 'model.layers.0.self_attn.q_proj', 6, 4, createRng(2));
    const user = tf.tensor2d([[1, 2, 3, 4, 5, 6], [0, -1, 2, 0, 1, 1]]);
    const w = cfloraInteraction(params, 'model.layers.0.self_attn.q_proj', user, 4);
    const eye = identityInteraction(2, 4);
    expect(Array.from(w.dataSync())).toEqual(Array.from(eye.dataSync()));
    const a = adapter();
    const x = tf.randomNormal([2 * 3, 16], 0, 1, 'float32', 5) as tf.Tensor2D;
    const twist = tf.tensor3d(Array.from({ length: 32 }, (_, i) => (i % 5 === 0 ? 1 : 0.1)), [2, 4, 4]);
    const path = 'model.layers.0.self_attn.q_proj';
    const d1 = cfloraDelta(a, 2, () => twist)(path, x);
    const d0 = loraDelta(a)(path, x);
    expect(d1).not.toBeNull();
    expect(Array.from(d1?.dataSync() ?? [])).not.toEqual(Array.from(d0?.dataSync() ?? []));
    tf.dispose([user, w, eye, x, twist, ...(d1 ? [d1] : []), ...(d0 ? [d0] : []), ...params.values()]);
    disposeLoraAdapter(a);
  });
});
