/** loadTokenizerFolder / saveTokenizerFolder: a trained tokenizer survives the disk round trip; bad folders give located errors. */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/tempDir';
import { RecForgeError } from '../../errors';
import { createBpeTokenizer } from '../../text/tokenizer/bpeTokenizer';
import { trainBpe } from '../../text/tokenizer/bpeTrainer';
import { bpeModelToHfFiles } from '../../text/tokenizer/hfJson';
import { titleCorpus } from '../../text/tokenizer/testCorpus';
import { editJson } from './inspectTestFolder';
import { loadTokenizerFolder, saveTokenizerFolder } from './tokenizerFolder';

const tmp = useTempDir('rf-tok-');

const model = trainBpe(titleCorpus(1000), { vocabSize: 400 });

async function loadError(): Promise<RecForgeError> {
  const err = await loadTokenizerFolder(tmp.dir).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  expect((err as RecForgeError).code).toBe('import');
  return err as RecForgeError;
}

describe('tokenizer folders', () => {
  it('save → load gives the trainer encoder and special ids', async () => {
    await saveTokenizerFolder(tmp.dir, bpeModelToHfFiles(model));
    const loaded = await loadTokenizerFolder(tmp.dir);
    const own = createBpeTokenizer(model);
    for (const text of titleCorpus(200, 99)) expect(loaded.encode(text)).toEqual(own.encode(text));
    expect([loaded.vocabSize, loaded.padId, loaded.eosId, loaded.bosId]).toEqual([400, 0, 1, 2]);
  });

  it('tokenizer_config.json is optional', async () => {
    await saveTokenizerFolder(tmp.dir, bpeModelToHfFiles(model));
    await rm(path.join(tmp.dir, 'tokenizer_config.json'));
    const loaded = await loadTokenizerFolder(tmp.dir);
    expect(loaded.eosId).toBe(1); // "<eos>" found among the well-known names
  });

  it('missing tokenizer.json, with a hint for sentencepiece folders', async () => {
    expect((await loadError()).location).toMatchObject({ file: 'tokenizer.json' });
    await writeFile(path.join(tmp.dir, 'tokenizer.model'), 'spm');
    expect((await loadError()).message).toMatch(/only tokenizer.model is present/);
  });

  it('invalid JSON is located at its line', async () => {
    await writeFile(path.join(tmp.dir, 'tokenizer.json'), '{\n  "model": {\n    "type": "BPE"\n  ]\n}');
    const err = await loadError();
    expect(err.location).toMatchObject({ file: 'tokenizer.json', line: 4 });
  });

  it('unsupported model type and bad tokenizer_config.json', async () => {
    await saveTokenizerFolder(tmp.dir, bpeModelToHfFiles(model));
    await writeFile(path.join(tmp.dir, 'tokenizer_config.json'), '{"eos_token": ');
    expect((await loadError()).location).toMatchObject({ file: 'tokenizer_config.json', line: 1 });
    await saveTokenizerFolder(tmp.dir, bpeModelToHfFiles(model));
    await editJson(tmp.dir, 'tokenizer.json', (j) => Object.assign(j.model as object, { type: 'WordLevel' }));
    expect((await loadError()).location).toMatchObject({ file: 'tokenizer.json', field: 'model.type', expected: 'BPE, WordPiece, Unigram' });
  });
});
