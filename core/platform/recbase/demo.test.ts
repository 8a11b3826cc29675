/**
 * Acceptance 1 and 2 of issue 6 on the full demo workspace. About 2–3 minutes on 2 cores, so it
 * only runs with RECFORGE_RECBASE_DEMO=1 (see README.md); `npm run bench -- recbase` prints the
 * same numbers once the bench is registered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { runDemoCheck } from './demoCheck';

useTensorSuite();

describe.runIf(process.env.RECFORGE_RECBASE_DEMO === '1')('RecBase on the demo workspace (issue 6 acceptance 1 and 2)', () => {
  it('CL-VAE beats RQ-VAE on utilisation and collisions; zero-shot beats 0.55 and popularity; fine-tuning raises it', { timeout: 900_000 }, async () => {
    const runDir = await mkdtemp(path.join(os.tmpdir(), 'recbase-demo-'));
    try {
      const c = await runDemoCheck(runDir, undefined, (line) => console.log(line));
      console.log(JSON.stringify({ seconds: c.seconds, heldOut: c.heldOutDomain, utilisation: c.levelOneUtilisation, collisions: c.collisionRate, auc: c.auc }));
      expect(c.heldOutDomain).toBe('movies');
      expect(c.levelOneUtilisation.cl).toBeGreaterThanOrEqual(0.9);
      expect(c.levelOneUtilisation.cl).toBeGreaterThan(c.levelOneUtilisation.rq);
      expect(c.collisionRate.cl).toBeLessThan(c.collisionRate.rq);
      const auc = (variant: string): number => c.auc[variant] ?? NaN;
      expect(auc('zero-shot')).toBeGreaterThan(0.55);
      expect(auc('zero-shot')).toBeGreaterThan(auc('popularity'));
      expect(auc('fine-tuned')).toBeGreaterThan(auc('zero-shot'));
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  });
});
