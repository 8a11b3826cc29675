/** Test hooks for runTrainJob: an in-memory checkpoint "disk" and a step counter that can cancel. */
import type { TrainPoint } from '../protocol/dto';
import type { TrainHooks } from '../train/runTrainJob';

/** Hooks backed by an in-memory "disk"; cancels once `stopAfterSteps` steps have run. */
export function memoryTrainHooks(disk: Map<string, Uint8Array>, points: TrainPoint[], stopAfterSteps = Infinity): TrainHooks {
  let steps = 0;
  let clock = 0;
  return {
    emit: (d) => points.push(...d.points),
    isCancelled: () => steps >= stopAfterSteps,
    yieldToEventLoop: async () => void steps++,
    now: () => (clock += 1000), // every step flushes, so no point is held back at cancel
    writeCheckpoint: async (name, bytes) => void disk.set(name, bytes.slice()),
    readCheckpoint: async (name) => disk.get(name) ?? null,
  };
}
