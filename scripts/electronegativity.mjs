/**
 * Electron security audit: runs Electronegativity over the project for the Electron version we
 * ship and fails on any HIGH or MEDIUM finding (LOW ones are printed for review). Findings that
 * were reviewed are marked in the source with an `eng-disable <CHECK>` comment and a reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const out = path.join(mkdtempSync(path.join(tmpdir(), 'recforge-eng-')), 'findings.csv');

const run = spawnSync(process.execPath, [cli, '-i', '.', '-r', '-v', 'false', '-e', electronVersion, '-o', out], { encoding: 'utf8' });
let csv;
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity produced no report');
  process.exit(1);
} finally {
  rmSync(path.dirname(out), { recursive: true, force: true });
}

// Rows: issue, severity, confidence, filename, location, sample, description, url
const findings = csv.trim().split('\n').slice(1).map((line) => {
  const [issue, severity, , file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
  return { issue, severity, file, location };
});
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM' || f.severity === 'CRITICAL');
for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.issue.padEnd(28)} ${f.file}:${f.location}`);
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${blocking.length} high/medium`);
process.exit(blocking.length === 0 ? 0 : 1);
