import { describe, expect, it } from 'vitest';
import { RecForgeError, toApiError } from '../../core/errors';
import { INVOKE_CHANNELS } from '../../core/protocol/channels';
import { junkFactory } from '../testing/junk';
import { thrownRecForgeError } from '../../core/testing/recForgeError';
import { validateRequest } from './validate';

describe('validateRequest', () => {
  it('accepts a minimal runs.start and fills SASRec defaults', () => {
    const { request } = validateRequest('runs.start', { datasetId: 'ds_1', model: 'sasrec' });
    expect(request).toMatchObject({
      modelConfig: { hidden: 64, blocks: 2, maxLen: 50, dropout: 0.2 },
      train: { batchSize: 128, learningRate: 1e-3 },
      eval: { negatives: 100 },
    });
  });

  it('names the offending field', () => {
    const err = thrownRecForgeError(() =>
      validateRequest('runs.start', { datasetId: 'ds_1', model: 'sasrec', train: { epochs: -3 } }),
    );
    expect(err.code).toBe('validation');
    expect(err.location?.field).toBe('train.epochs');
  });

  it('refuses a column mapping or import options for a format read by its own parser, naming the field', () => {
    const files = [{ kind: 'path', path: '/tmp/u.data' }];
    const err = thrownRecForgeError(() => validateRequest('datasets.import', { name: 'ml', format: 'movielens-100k', files, options: { onError: 'skip' } }));
    expect(err.location?.field).toBe('options');
    expect(err.message).toMatch(/read by its own parser/);
    expect(thrownRecForgeError(() => validateRequest('datasets.import', { name: 'ml', format: 'recbole', files, mapping: { user: 'u', item: 'i', timestamp: 't' } })).location?.field).toBe('mapping');
    expect(validateRequest('datasets.import', { name: 't', format: 'tsv', files, options: { onError: 'skip' } }).request).toMatchObject({ options: { onError: 'skip' } });
  });

  it("refuses PAD heads that do not divide the width, naming the field (attention would split 16 into 5.33-wide heads)", () => {
    const err = thrownRecForgeError(() => validateRequest('runs.start', { datasetId: 'ds_1', model: 'pad', settings: { hidden: 16, heads: 3 } }));
    expect(err.location?.field).toBe('settings.heads');
    expect(() => validateRequest('runs.start', { datasetId: 'ds_1', model: 'pad', settings: { hidden: 16, heads: 4 } })).not.toThrow();
  });

  it('lists every problem of a refused request at its field, not only the first', () => {
    const err = thrownRecForgeError(() => validateRequest('runs.start', { datasetId: 'ds_1', model: 'lm-pretrain', settings: { hidden: 64, heads: 3, kvHeads: 3, stableFraction: 0.95 } }));
    expect(err.issues).toEqual([
      { field: 'settings.hidden', message: 'must be a multiple of heads (3)' },
      { field: 'settings.stableFraction', message: 'warm-up + stable shares must not exceed 1' },
    ]);
    expect(toApiError(err).issues).toHaveLength(2);
  });

  it('refuses unknown channels and prototype keys', () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(thrownRecForgeError(() => validateRequest(channel, {})).code).toBe('validation');
    }
  });

  it('rejects extra keys, path-like ids and wrong types', () => {
    const bad: [string, unknown][] = [
      ['runs.get', { runId: '../../etc' }],
      ['runs.get', { runId: 'r1', extra: true }],
      ['datasets.import', { name: 'x', format: 'csv', files: [{ kind: 'upload', uploadId: '../x', name: 'a' }] }],
      ['datasets.import', { name: '', format: 'csv', files: [{ kind: 'path', path: '/tmp/a' }] }],
      ['datasets.import', { name: 'x', format: 'exe', files: [{ kind: 'path', path: '/tmp/a' }] }],
      ['datasets.remove', 'ds_1'],
      ['datasets.removeSplit', { datasetId: 'ds_1', splitId: '../splits' }],
      ['datasets.removeSplit', { datasetId: 'ds_1' }],
      ['system.info', { sneaky: 1 }],
    ];
    for (const [channel, payload] of bad) {
      expect(thrownRecForgeError(() => validateRequest(channel, payload)).code).toBe('validation');
    }
  });

  it('never throws anything but a validation error on random payloads for every channel', () => {
    const randomValue = junkFactory(7);
    for (const channel of INVOKE_CHANNELS) {
      for (let i = 0; i < 200; i++) {
        const payload = randomValue();
        try {
          validateRequest(channel, payload);
        } catch (err) {
          expect(err).toBeInstanceOf(RecForgeError);
          expect((err as RecForgeError).code).toBe('validation');
        }
      }
    }
  });
});
