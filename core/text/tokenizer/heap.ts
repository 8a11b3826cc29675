/**
 * A binary heap ordered by a "comes first" predicate. The BPE trainer uses it to find the most
 * frequent pair without scanning every pair at every merge (lazy: stale entries are skipped on pop).
 */
export class Heap<T> {
  private readonly items: T[] = [];

  /** `first(x, y)` is true when x must be popped before y. */
  constructor(private readonly first: (x: T, y: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.first(a[i] as T, a[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the first item, or undefined when empty. */
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const a = this.items;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < a.length && this.first(a[l] as T, a[best] as T)) best = l;
      if (r < a.length && this.first(a[r] as T, a[best] as T)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(i: number, j: number): void {
    const a = this.items;
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
}
