/**
 * Splits one dataset whose items carry a domain (an Amazon import with categories, a combined
 * corpus) into one source per domain: items re-indexed 1..n within their domain, each user's
 * interactions with that domain kept in order (ord renumbered), users numbered by first
 * appearance (ascending in the input, so grouping stays sorted). Users keep their raw ids, so the
 * multi-domain builders recognise the same person across domains.
 */
import type { InteractionColumns } from '../splits/columns';

/** One domain's part: what a DomainSource needs besides its name. */
export interface DomainPart<I> {
  readonly name: string;
  readonly users: string[];
  readonly items: I[];
  readonly rows: InteractionColumns;
}

interface Builder<I> {
  users: string[];
  items: I[];
  /** 1-based dataset item → 1-based domain item. */
  localItem: Map<number, number>;
  lastUser: number;
  userIdx: number[];
  itemIdx: number[];
  ts: number[];
  ord: number[];
  rating: number[];
}

function builder<I>(): Builder<I> {
  return { users: [], items: [], localItem: new Map(), lastUser: -1, userIdx: [], itemIdx: [], ts: [], ord: [], rating: [] };
}

function addRow<I>(b: Builder<I>, r: number, cols: InteractionColumns, users: readonly string[]): void {
  const u = cols.userIdx[r] as number;
  if (u !== b.lastUser) {
    b.lastUser = u;
    b.users.push(users[u] ?? String(u));
  }
  const sameUser = b.userIdx.length > 0 && b.userIdx[b.userIdx.length - 1] === b.users.length - 1;
  b.ord.push(sameUser ? (b.ord[b.ord.length - 1] as number) + 1 : 0);
  b.userIdx.push(b.users.length - 1);
  b.itemIdx.push(b.localItem.get(cols.itemIdx[r] as number) as number);
  b.ts.push(cols.ts[r] as number);
  b.rating.push(cols.rating?.[r] ?? NaN);
}

function finish<I>(name: string, b: Builder<I>, withRating: boolean): DomainPart<I> {
  const rows: InteractionColumns = {
    userIdx: Int32Array.from(b.userIdx), itemIdx: Int32Array.from(b.itemIdx), ts: Float64Array.from(b.ts), ord: Int32Array.from(b.ord),
    ...(withRating ? { rating: Float64Array.from(b.rating) } : {}),
  };
  return { name, users: b.users, items: b.items, rows };
}

/** Parts in order of each domain's first item; `domainOf(item)` names an item's domain. */
export function splitByDomain<I>(users: readonly string[], items: readonly I[], cols: InteractionColumns, domainOf: (item: I) => string): DomainPart<I>[] {
  const parts = new Map<string, Builder<I>>();
  const itemPart: Builder<I>[] = [];
  items.forEach((item, k) => {
    const name = domainOf(item);
    const b = parts.get(name) ?? builder<I>();
    parts.set(name, b);
    b.items.push(item);
    b.localItem.set(k + 1, b.items.length);
    itemPart[k + 1] = b;
  });
  for (let r = 0; r < cols.userIdx.length; r++) addRow(itemPart[cols.itemIdx[r] as number] as Builder<I>, r, cols, users);
  return [...parts].map(([name, b]) => finish(name, b, cols.rating !== undefined));
}
