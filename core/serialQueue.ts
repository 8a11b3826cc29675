/**
 * Runs async tasks one at a time, each after the previous one settled; a failed task does not stop
 * the next (its caller gets the error). For resources that interleaved calls would corrupt: one
 * DuckDB connection, an upload's file offset, the playground's loaded run.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}
