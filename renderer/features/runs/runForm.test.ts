import { describe, expect, it } from 'vitest';
import { buildStartRequest, RUN_FORM_DEFAULTS } from './runForm';

describe('buildStartRequest', () => {
  it('builds runs.start from the defaults', () => {
    const built = buildStartRequest('ds1', RUN_FORM_DEFAULTS, true);
    expect(built).toEqual({
      ok: true,
      request: {
        datasetId: 'ds1',
        model: 'sasrec',
        modelConfig: { hidden: 64, blocks: 2, heads: 1, maxLen: 50, dropout: 0.2 },
        train: { epochs: 20, batchSize: 128, learningRate: 0.001, seed: 42 },
        eval: { negatives: 100, seed: 2024, fullRanking: true },
      },
    });
  });

  it('reports every invalid field', () => {
    const built = buildStartRequest('', { ...RUN_FORM_DEFAULTS, epochs: '2.5', dropout: '0.95', hidden: '' }, false);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors).toEqual([
      'Epochs must be a whole number',
      'Hidden must be a number',
      'Dropout must be between 0 and 0.9',
      'Choose a dataset',
    ]);
  });

  it('accepts scientific notation for the learning rate', () => {
    const built = buildStartRequest('d', { ...RUN_FORM_DEFAULTS, learningRate: '5e-4' }, false);
    expect(built.ok && built.request.train?.learningRate).toBe(5e-4);
  });
});
