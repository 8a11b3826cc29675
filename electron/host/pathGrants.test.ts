import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_QWEN2, writeTinyModel } from '../../core/platform/hf/inspectTestFolder';
import { fakeCaller } from '../testing/fakeCaller';
import { startHarness, type Harness } from '../testing/hostHarness';
import { createDispatch } from './api';
import { GrantedPaths, windowPathAccess } from './pathGrants';

describe('paths a window was given', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recforge-grants-'));
    await mkdir(join(dir, 'model'));
    await writeFile(join(dir, 'model', 'config.json'), '{}');
    await writeFile(join(dir, 'ratings.csv'), 'u,i\n');
    await writeFile(join(dir, 'secret.txt'), 'x');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('a granted file covers itself only; a granted folder covers what is inside it', async () => {
    const grants = new GrantedPaths();
    await grants.grantFile(join(dir, 'ratings.csv'));
    await grants.grantFolder(join(dir, 'model'));
    expect(await grants.covers(join(dir, 'ratings.csv'))).toBe(true);
    expect(await grants.covers(join(dir, 'model', 'config.json'))).toBe(true);
    expect(await grants.covers(join(dir, 'model'))).toBe(true);
    expect(await grants.covers(join(dir, 'secret.txt'))).toBe(false);
    expect(await grants.covers(join(dir, 'model', '..', 'secret.txt'))).toBe(false);
    expect(await grants.covers(`${join(dir, 'model')}-other`)).toBe(false);
  });

  it('a symlink inside a granted folder does not lead out of it', async () => {
    const grants = new GrantedPaths();
    await grants.grantFolder(join(dir, 'model'));
    await symlink(join(dir, 'secret.txt'), join(dir, 'model', 'link.txt'));
    expect(await grants.covers(join(dir, 'model', 'link.txt'))).toBe(false);
  });

  it('asks once about a typed path, remembers yes and no, and shares one question', async () => {
    const asked: string[] = [];
    let allow = true;
    const access = windowPathAccess(new GrantedPaths(), async (path) => {
      asked.push(path);
      return allow;
    });
    await Promise.all([access.check(join(dir, 'model')), access.check(join(dir, 'model'))]);
    await access.check(join(dir, 'model', 'config.json'));
    expect(asked).toEqual([join(dir, 'model')]);
    allow = false;
    await expect(access.check(join(dir, 'secret.txt'))).rejects.toThrow(/not given access/);
    allow = true;
    await expect(access.check(join(dir, 'secret.txt'))).rejects.toThrow(/not given access/);
    expect(asked).toEqual([join(dir, 'model'), join(dir, 'secret.txt')]);
  });
});

describe('path requests through the protocol', () => {
  let h: Harness;
  let model: string;
  beforeAll(async () => {
    h = await startHarness(false);
    model = join(h.dir, 'tiny-qwen2');
    await writeTinyModel(model, TINY_QWEN2);
    await writeFile(join(h.dir, 'notes.csv'), 'user,item,timestamp\n1,2,3\n');
  });
  afterAll(async () => h.dispose());

  it('a window reads only paths it was given; other callers are the local user', async () => {
    const dispatch = createDispatch(h.ctx);
    const grants = new GrantedPaths();
    const window = { ...fakeCaller(), paths: windowPathAccess(grants, async () => false) };
    const file = { kind: 'path' as const, path: join(h.dir, 'notes.csv') };
    const refused = { ok: false, error: { code: 'validation', location: { field: 'path' } } };
    expect(await dispatch('datasets.preview', { files: [file] }, window)).toMatchObject(refused);
    expect(await dispatch('datasets.import', { name: 'x', format: 'csv', files: [file] }, window)).toMatchObject(refused);
    expect(await dispatch('runs.importLog', { name: 'x', file }, window)).toMatchObject(refused);
    expect(await dispatch('models.inspect', { path: model }, window)).toMatchObject(refused);
    expect(await dispatch('models.register', { path: model, name: 'tiny' }, window)).toMatchObject(refused);
    expect(await dispatch('models.list', {})).toEqual({ ok: true, value: [] });

    await grants.grantFile(file.path);
    await grants.grantFolder(model);
    expect(await dispatch('datasets.preview', { files: [file] }, window)).toMatchObject({ ok: true });
    expect(await dispatch('models.inspect', { path: model }, window)).toMatchObject({ ok: true });
    expect(await dispatch('models.inspect', { path: model }, fakeCaller())).toMatchObject({ ok: true });
  });
});
