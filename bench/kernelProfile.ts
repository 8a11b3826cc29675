/**
 * Per-kernel time and achieved GFLOP/s of one profiled function, from tf.profile. FLOPs are
 * counted for matrix products (2·M·N·K per output matrix); other kernels report time only.
 */
import * as tf from '@tensorflow/tfjs';

export interface KernelStat {
  readonly name: string;
  readonly calls: number;
  readonly ms: number;
  readonly flops: number;
}

type ProfiledKernel = Awaited<ReturnType<typeof tf.profile>>['kernels'][number];

const product = (shape: readonly number[] | undefined): number => (shape ?? []).reduce((a, b) => a * b, 1);

/** 2·|out|·K where K is recovered from the first input (its last two dims hold M and K). */
function matmulFlops(kernel: ProfiledKernel): number {
  const out = kernel.outputShapes[0];
  const a = kernel.inputShapes[0];
  if (!out || !a || out.length < 2 || a.length < 2) return 0;
  const m = out[out.length - 2] ?? 1;
  const k = ((a[a.length - 1] ?? 1) * (a[a.length - 2] ?? 1)) / m;
  return 2 * product(out) * k;
}

function flopsOf(kernel: ProfiledKernel): number {
  return kernel.name === 'BatchMatMul' || kernel.name === '_FusedMatMul' ? matmulFlops(kernel) : 0;
}

/** Batched products take a different (slower) path on wasm, so they are reported apart. */
function kernelKey(kernel: ProfiledKernel): string {
  const out = kernel.outputShapes[0] ?? [];
  const batched = kernel.name === 'BatchMatMul' && product(out.slice(0, -2)) > 1;
  return batched ? 'BatchMatMul (batch>1)' : kernel.name;
}

/** Profiles `fn` (which must dispose what it creates) and aggregates kernels by name, slowest first. */
export async function profileKernels(fn: () => void): Promise<{ stats: KernelStat[]; totalMs: number }> {
  const info = await tf.profile(fn);
  const byName = new Map<string, { calls: number; ms: number; flops: number }>();
  for (const kernel of info.kernels) {
    const key = kernelKey(kernel);
    const entry = byName.get(key) ?? { calls: 0, ms: 0, flops: 0 };
    entry.calls += 1;
    entry.ms += Number(kernel.kernelTimeMs) || 0;
    entry.flops += flopsOf(kernel);
    byName.set(key, entry);
  }
  const stats = [...byName].map(([name, s]) => ({ name, ...s })).sort((a, b) => b.ms - a.ms);
  return { stats, totalMs: stats.reduce((sum, s) => sum + s.ms, 0) };
}

/** Prints a kernel table: ms, share, calls and GFLOP/s where FLOPs are known. */
export function printKernelTable(title: string, stats: readonly KernelStat[], totalMs: number, top = 15): void {
  console.log(`\n${title} — kernel time ${totalMs.toFixed(1)} ms`);
  console.log(`${'kernel'.padEnd(26)}${'ms'.padStart(10)}${'share'.padStart(8)}${'calls'.padStart(7)}${'GFLOP/s'.padStart(10)}`);
  for (const s of stats.slice(0, top)) {
    const gflops = s.flops > 0 && s.ms > 0 ? (s.flops / 1e9 / (s.ms / 1000)).toFixed(2) : '';
    const share = `${((100 * s.ms) / totalMs).toFixed(1)}%`;
    console.log(`${s.name.padEnd(26)}${s.ms.toFixed(1).padStart(10)}${share.padStart(8)}${String(s.calls).padStart(7)}${gflops.padStart(10)}`);
  }
}
