import { describe, expect, it } from 'vitest';
import { reportOutcome, type TrainEndEvent } from './reportOutcome';
import type { TrainOutcome } from './runTrainJob';

async function ending(train: () => Promise<TrainOutcome>): Promise<TrainEndEvent[]> {
  const events: TrainEndEvent[] = [];
  await reportOutcome('run_1', train, (e) => void events.push(e));
  return events;
}

describe('reportOutcome', () => {
  it('closes a run as done with its metrics, or cancelled', async () => {
    expect(await ending(async () => ({ status: 'done', metrics: [] }))).toEqual([{ type: 'done', runId: 'run_1', metrics: [] }]);
    expect(await ending(async () => ({ status: 'cancelled' }))).toEqual([{ type: 'cancelled', runId: 'run_1' }]);
  });

  it('turns a thrown error into a failed event with its message, never a rejection', async () => {
    expect(await ending(() => Promise.reject(new Error('training diverged: loss NaN at step 3')))).toEqual([
      { type: 'failed', runId: 'run_1', message: 'training diverged: loss NaN at step 3' },
    ]);
  });
});
