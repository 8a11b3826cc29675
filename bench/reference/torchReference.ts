/**
 * Runs bench/reference/sasrec_torch.py (the PyTorch SASRec step on the same shapes) and returns
 * its sequences/s. Finds a python3 that can import torch — Debian's python3-torch lives in
 * /usr/bin/python3's site-packages, which a pyenv/venv `python3` on PATH does not see. When none
 * is found it says how to install one instead of failing silently.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Shapes passed to the reference (must match the TypeScript bench). */
export interface ReferenceShapes {
  readonly items: number;
  readonly batch: number;
  readonly maxLen: number;
  readonly hidden: number;
  readonly blocks: number;
  readonly heads: number;
  readonly dropout: number;
  readonly warmup: number;
  readonly steps: number;
}

/** Result of the reference run: its numbers, or why there are none (with the fix). */
export type ReferenceResult =
  | { readonly ok: true; readonly seqPerSec: number; readonly stepMs: number; readonly torch: string; readonly threads: number; readonly python: string; readonly blas: string }
  | { readonly ok: false; readonly reason: string };

export const INSTALL_HINT =
  'install it with `scripts/setup.sh --with-bench` or `sudo apt-get install -y python3-torch libopenblas0-openmp` ' +
  '(Debian; set RECFORGE_PYTHON to use another python3 with torch)';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'sasrec_torch.py');

/** The first python3 candidate that imports torch, or null. */
export function findTorchPython(): string | null {
  const candidates = [process.env['RECFORGE_PYTHON'], 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  for (const python of candidates) {
    const res = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    if (res.status === 0) return python;
  }
  return null;
}

function args(s: ReferenceShapes, threads: number): string[] {
  const flags: Record<string, number> = {
    items: s.items, batch: s.batch, 'max-len': s.maxLen, hidden: s.hidden, blocks: s.blocks,
    heads: s.heads, dropout: s.dropout, threads, warmup: s.warmup, steps: s.steps,
  };
  return [SCRIPT, ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)])];
}

/** Runs the reference with torch.set_num_threads(`threads`). Never throws. */
export function runTorchReference(shapes: ReferenceShapes, threads = 2): ReferenceResult {
  const python = findTorchPython();
  if (python === null) return { ok: false, reason: `no python3 with PyTorch found — ${INSTALL_HINT}` };
  const res = spawnSync(python, args(shapes, threads), { encoding: 'utf8', timeout: 15 * 60_000 });
  if (res.status !== 0) return { ok: false, reason: `${python} ${SCRIPT} exited with ${res.status}: ${(res.stderr || res.stdout).trim().slice(-500)}` };
  try {
    const out = JSON.parse(res.stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>;
    const seqPerSec = Number(out['seqPerSec']);
    if (!(seqPerSec > 0)) return { ok: false, reason: `reference printed no seqPerSec: ${res.stdout.trim()}` };
    return { ok: true, seqPerSec, stepMs: Number(out['stepMs']), torch: String(out['torch']), threads: Number(out['threads']), python, blas: String(out['blas'] ?? 'unknown') };
  } catch {
    return { ok: false, reason: `reference output is not JSON: ${res.stdout.trim().slice(-300)}` };
  }
}
