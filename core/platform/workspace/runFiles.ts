/**
 * Per-run folders: <workspace>/runs/<id>/{checkpoints/, artifacts/, events.jsonl}. events.jsonl is
 * an append-only log (one JSON object per line); a crash can tear only its last line, which
 * reading skips.
 */
import { mkdirSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { assertId } from './ids';

/** `<runsRoot>/<id>`, created with checkpoints/ and artifacts/; the id is validated (no traversal). */
export function ensureRunDir(runsRoot: string, runId: string): string {
  assertId(runId, 'run');
  const dir = path.join(runsRoot, runId);
  mkdirSync(path.join(dir, 'checkpoints'), { recursive: true });
  mkdirSync(path.join(dir, 'artifacts'), { recursive: true });
  return dir;
}

/** Appends objects as JSON lines to the run's events.jsonl, in one write. */
export async function appendEvents(runsRoot: string, runId: string, events: readonly object[]): Promise<void> {
  if (events.length === 0) return;
  const dir = ensureRunDir(runsRoot, runId);
  await appendFile(path.join(dir, 'events.jsonl'), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** Every parsable event of the run in order; [] when there is no log yet. */
export async function readEvents(runsRoot: string, runId: string): Promise<unknown[]> {
  assertId(runId, 'run');
  const text = await readFile(path.join(runsRoot, runId, 'events.jsonl'), 'utf8').catch(() => '');
  const out: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A torn final line from a crash mid-append; earlier lines are intact.
    }
  }
  return out;
}
