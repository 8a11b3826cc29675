/**
 * The runs.action calls in flight, by run and action name, each with the AbortController that
 * runs.cancelAction aborts (WorkerHost then asks the worker to stop the call at its next step).
 */
export class ActionCalls {
  private readonly calls = new Map<string, Set<AbortController>>();

  /** Registers a call; pass the returned controller's signal to the worker and end() it when the call settles. */
  begin(runId: string, action: string): AbortController {
    const controller = new AbortController();
    const key = keyOf(runId, action);
    const set = this.calls.get(key) ?? new Set();
    set.add(controller);
    this.calls.set(key, set);
    return controller;
  }

  end(runId: string, action: string, controller: AbortController): void {
    const key = keyOf(runId, action);
    const set = this.calls.get(key);
    set?.delete(controller);
    if (set?.size === 0) this.calls.delete(key);
  }

  /** Aborts every call of `action` on the run in flight (none: nothing happens). */
  cancel(runId: string, action: string): void {
    for (const controller of this.calls.get(keyOf(runId, action)) ?? []) controller.abort();
  }
}

const keyOf = (runId: string, action: string): string => JSON.stringify([runId, action]);
