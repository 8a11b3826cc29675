/** A RecipeRunIo for in-process runner tests: records every event, fake clock, optional cancel rule. */
import type { RecipeRunEvent, RecipeRunIo } from '../runner';

/** Io whose isCancelled() is `cancelWhen(events so far)`; each now() call advances 10 ms; `resume` continues a run. */
export function recordingRunIo(cancelWhen: (events: readonly RecipeRunEvent[]) => boolean = () => false, resume = false): { io: RecipeRunIo; events: RecipeRunEvent[] } {
  const events: RecipeRunEvent[] = [];
  let clock = 0;
  const io: RecipeRunIo = {
    runDir: '/nonexistent',
    resume,
    emit: (e) => void events.push(e),
    isCancelled: () => cancelWhen(events),
    yieldToEventLoop: () => Promise.resolve(),
    now: () => (clock += 10),
  };
  return { io, events };
}
