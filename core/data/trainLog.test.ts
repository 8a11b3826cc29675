import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../errors';
import { textChunks } from './lines';
import { parseTrainLog } from './trainLog';

const src = (name: string, text: string) => ({ name, chunks: textChunks(text) });

async function located(p: Promise<unknown>): Promise<RecForgeError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  return err as RecForgeError;
}

describe('training log import', () => {
  it('reads CSV with common column spellings; lr and epoch are optional', async () => {
    const pts = await parseTrainLog(src('ref.csv', 'Epoch,global_step,train_loss,learning_rate\n1,10,0.9,1e-3\n1,20,0.7,1e-3\n'));
    expect(pts).toEqual([{ step: 10, loss: 0.9, lr: 1e-3, epoch: 1 }, { step: 20, loss: 0.7, lr: 1e-3, epoch: 1 }]);
    const bare = await parseTrainLog(src('b.csv', 'step,loss\n1,2\n'));
    expect(bare[0]).toMatchObject({ step: 1, loss: 2, epoch: 0 });
    expect(bare[0]?.lr).toBeNaN();
  });

  it('reads JSON lines', async () => {
    const pts = await parseTrainLog(src('log.jsonl', '{"step": 1, "loss": 0.5, "lr": 0.01}\n\n{"step": 2, "loss": "0.25"}\n'));
    expect(pts.map((p) => [p.step, p.loss])).toEqual([[1, 0.5], [2, 0.25]]);
  });

  it.each([
    ['a.csv', 'step,value\n1,2\n', { file: 'a.csv', line: 1 }],
    ['a.csv', 'step,loss\n1,0.5\n2,abc\n', { file: 'a.csv', line: 3, field: 'loss' }],
    ['a.csv', 'step,loss\n5,0.5\n5,0.4\n', { file: 'a.csv', line: 3, field: 'step' }],
    ['a.csv', '', { file: 'a.csv', line: 1 }],
    ['a.csv', 'step,loss\n', { file: 'a.csv' }],
    ['a.jsonl', '{"step": 1}\n', { file: 'a.jsonl', line: 1, field: 'loss' }],
  ])('locates bad input in %s: %j', async (name, text, where) => {
    expect((await located(parseTrainLog(src(name, text)))).location).toMatchObject(where);
  });
});
