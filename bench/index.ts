/**
 * Bench entry: `npm run bench -- <name>` (tsx bench/index.ts <name>). Add a bench by adding an
 * entry to BENCHES.
 */
import { benchImport } from './import';
import { benchLm } from './lm';
import { benchProfile } from './profile';
import { benchRecBase } from './recbase';
import { benchSasrec } from './sasrec';

interface Bench {
  readonly description: string;
  run(): Promise<void>;
}

const BENCHES: Readonly<Record<string, Bench>> = {
  sasrec: { description: 'SASRec training seq/s vs raw matmul GFLOP/s on the chosen backend', run: benchSasrec },
  profile: { description: 'per-kernel time and GFLOP/s of a SASRec training step', run: benchProfile },
  import: { description: '10M-row CSV: readline parse vs DuckDB import rows/s, their ratio and peak RSS', run: benchImport },
  recbase: { description: 'RecBase on the demo: CL-VAE vs RQ-VAE utilisation and collisions, zero-shot / fine-tuned / popularity AUC (issue 6)', run: benchRecBase },
  lm: { description: 'LoRA decoder tokens/s (6 layers, d 256) and candidate scoring with vs without prefix sharing', run: benchLm },
};

function usage(): void {
  console.log('usage: npm run bench -- <name>\navailable benches:');
  for (const [name, b] of Object.entries(BENCHES)) console.log(`  ${name.padEnd(12)} ${b.description}`);
}

async function main(argv: readonly string[]): Promise<number> {
  const name = argv[0];
  const bench = name === undefined ? undefined : BENCHES[name];
  if (bench === undefined) {
    if (name !== undefined) console.log(`unknown bench '${name}'`);
    usage();
    return name === undefined ? 0 : 1;
  }
  const t0 = performance.now();
  await bench.run();
  console.log(`(${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
