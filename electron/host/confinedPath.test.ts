/** The window's file paths stay inside the run's folders: traversal, foreign absolute paths and symlink escapes are refused. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confinedPath } from './confinedPath';

let base = '';
let run = '';
let model = '';
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'rf-confine-'));
  run = path.join(base, 'ws', 'runs', 'r1');
  model = path.join(base, 'models', 'tiny');
  await mkdir(run, { recursive: true });
  await mkdir(model, { recursive: true });
  await writeFile(path.join(base, 'secret.txt'), 'no');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('confinedPath', () => {
  it('accepts files inside a root, existing or not yet', async () => {
    expect(await confinedPath(`${run}/model/config.json`, [run])).toBe(path.join(run, 'model', 'config.json'));
    expect(await confinedPath(`${model}/config.json`, [run, model])).toBe(path.join(model, 'config.json'));
    expect(await confinedPath(run, [run])).toBe(run);
  });

  it.each([
    ['a relative path', 'model/config.json', /is not absolute/],
    ['a .. segment', '{run}/../r2/events.jsonl', /'\.\.' segment/],
    ['a .. segment that stays inside', '{run}/model/../config.json', /'\.\.' segment/],
    ['another absolute path', '{base}/secret.txt', /outside the folders/],
    ['a sibling with the root as prefix', '{run}2/x', /outside the folders/],
    ['a NUL byte', '{run}/a\0b', /NUL/],
  ])('refuses %s', async (_what, template, message) => {
    const requested = template.replace('{run}', run).replace('{base}', base);
    await expect(confinedPath(requested, [run, model])).rejects.toMatchObject({ code: 'validation', location: { field: 'path' } });
    await expect(confinedPath(requested, [run, model])).rejects.toThrow(message);
  });

  it('refuses a symlink inside the run folder that points outside it', async () => {
    await symlink(base, path.join(run, 'escape'));
    await symlink(path.join(base, 'secret.txt'), path.join(run, 'secret-link'));
    await expect(confinedPath(`${run}/escape/secret.txt`, [run])).rejects.toThrow(/outside the folders/);
    await expect(confinedPath(`${run}/escape/new/file.bin`, [run])).rejects.toThrow(/outside the folders/);
    await expect(confinedPath(`${run}/secret-link`, [run])).rejects.toThrow(/outside the folders/);
  });

  it('accepts a root that is itself reached through a symlink', async () => {
    const link = path.join(base, 'model-link');
    await symlink(model, link);
    expect(await confinedPath(`${link}/config.json`, [link])).toBe(path.join(link, 'config.json'));
  });
});
