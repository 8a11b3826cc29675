/** A window's file access for a recipe run: confined reads, chunked atomic writes only in the run folder, nothing left by a failed upload. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../core/protocol/base64';
import { RunFileAccess } from './runFileAccess';

let base = '';
let run = '';
let model = '';
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'rf-files-'));
  run = path.join(base, 'runs', 'r1');
  model = path.join(base, 'model');
  await mkdir(run, { recursive: true });
  await mkdir(model, { recursive: true });
  await writeFile(path.join(model, 'config.json'), '{"a":1}');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const chunk = (text: string): string => encodeBase64(new TextEncoder().encode(text));

describe('RunFileAccess', () => {
  it('reads the model folder in chunks and reports sizes (null for folders and missing files)', async () => {
    const files = new RunFileAccess(run, [model]);
    expect(await files.size(`${model}/config.json`)).toEqual({ size: 7 });
    expect(await files.size(`${model}/nope.json`)).toEqual({ size: null });
    expect(await files.size(model)).toEqual({ size: null });
    const { bytes } = await files.read({ runId: 'r1', path: `${model}/config.json`, offset: 2, length: 100 });
    expect(new TextDecoder().decode(decodeBase64(bytes))).toBe('a":1}');
  });

  it('writes a file in chunks that appears on commit', async () => {
    const files = new RunFileAccess(run, [model]);
    const target = `${run}/artifacts/adapter/adapter_config.json`;
    const { uploadId } = await files.write({ op: 'begin', runId: 'r1', path: target });
    await files.write({ op: 'append', runId: 'r1', uploadId, bytes: chunk('{"r":') });
    await files.write({ op: 'append', runId: 'r1', uploadId, bytes: chunk('8}') });
    expect(await files.size(target)).toEqual({ size: null });
    await files.write({ op: 'commit', runId: 'r1', uploadId, size: 7 });
    expect(await readFile(target, 'utf8')).toBe('{"r":8}');
    await expect(files.write({ op: 'append', runId: 'r1', uploadId, bytes: chunk('x') })).rejects.toThrow(/no open upload/);
  });

  it('never writes into the model folder, outside the run, or over the host files', async () => {
    const files = new RunFileAccess(run, [model]);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${model}/config.json` })).rejects.toThrow(/outside the folders/);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/../r2/x` })).rejects.toThrow(/'\.\.'/);
    await expect(files.read({ runId: 'r1', path: `${base}/runs/r2/x`, offset: 0, length: 1 })).rejects.toThrow(/outside the folders/);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/events.jsonl` })).rejects.toThrow(/written by the host only/);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/artifacts/a/config.json.sha256` })).rejects.toThrow(/written by the host only/);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/artifacts/a/config.json.SHA256` })).rejects.toThrow(/written by the host only/);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/Events.jsonl` })).rejects.toThrow(/written by the host only/); // one file on a case-folding disk
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/checkpoints/model.ckpt` })).rejects.toThrow(/written by the host only/);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/checkpoints/stages/x.json` })).rejects.toThrow(/written by the host only/);
    await expect(files.write({ op: 'begin', runId: 'r1', path: `${run}/checkpoints/stages/a/x.safetensors` })).rejects.toThrow(/written by the host only/);
    // A recipe's stage checkpoints (core/recipes/llm/stageCheckpoints.ts) are its own.
    expect(await files.write({ op: 'begin', runId: 'r1', path: `${run}/checkpoints/stages/ingredient.safetensors` })).toMatchObject({ uploadId: expect.any(String) });
    await files.close();
  });

  it('leaves nothing of uploads that were aborted, failed or still open when the run ends', async () => {
    const files = new RunFileAccess(run, []);
    const a = await files.write({ op: 'begin', runId: 'r1', path: `${run}/artifacts/a.bin` });
    const b = await files.write({ op: 'begin', runId: 'r1', path: `${run}/artifacts/b.bin` });
    const c = await files.write({ op: 'begin', runId: 'r1', path: `${run}/artifacts/c.bin` });
    await files.write({ op: 'append', runId: 'r1', uploadId: a.uploadId, bytes: chunk('aaa') });
    await files.write({ op: 'abort', runId: 'r1', uploadId: a.uploadId });
    await expect(files.write({ op: 'commit', runId: 'r1', uploadId: b.uploadId, size: 5 })).rejects.toThrow(/0 bytes arrived, 5 were sent/);
    await files.write({ op: 'append', runId: 'r1', uploadId: c.uploadId, bytes: chunk('ccc') });
    await files.close();
    expect(await readdir(path.join(run, 'artifacts'))).toEqual([]);
  });
});
