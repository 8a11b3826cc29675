/** Raw matmul throughput of the active tfjs backend, in GFLOP/s (2·n³ flops per n×n×n product). */
import * as tf from '@tensorflow/tfjs';

/** Mean GFLOP/s of `runs` n×n×n matmuls after `warmup` untimed ones (each read back to sync). */
export function matmulGflops(n: number, runs: number, warmup = 2): number {
  const a = tf.randomUniform([n, n]);
  const b = tf.randomUniform([n, n]);
  const once = (): void => {
    const c = tf.matMul(a, b);
    c.dataSync();
    c.dispose();
  };
  for (let i = 0; i < warmup; i++) once();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) once();
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([a, b]);
  return (2 * n ** 3 * runs) / seconds / 1e9;
}
