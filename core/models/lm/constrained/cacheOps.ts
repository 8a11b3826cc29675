/**
 * Reordering a KvCache along its batch axis, so each surviving beam continues from its parent's
 * keys and values without re-running the prompt.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerKv } from '../attention';
import type { KvCache } from '../forward';

/** Applies `f` to every k and v; tidy only returns TensorContainers, so tensors travel as a flat array. */
function mapLayers(cache: KvCache, f: (x: tf.Tensor4D) => tf.Tensor4D): KvCache {
  const flat = tf.tidy(() => cache.layers.flatMap((kv) => [f(kv.k), f(kv.v)]));
  const layers: LayerKv[] = cache.layers.map((_, i) => ({ k: flat[2 * i] as tf.Tensor4D, v: flat[2 * i + 1] as tf.Tensor4D }));
  return { layers, length: cache.length };
}

/**
 * A new cache whose batch row i is row `rows[i]` of `cache` (rows may repeat: a beam's parent once
 * per surviving child). The input is not disposed; the caller owns both.
 */
export function gatherKvCache(cache: KvCache, rows: readonly number[]): KvCache {
  const idx = tf.tensor1d(rows as number[], 'int32');
  const out = mapLayers(cache, (x) => tf.gather(x, idx, 0));
  idx.dispose();
  return out;
}
