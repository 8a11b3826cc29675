/**
 * RecCocktail's leakage guard (Hou et al., §4.1 "Datasets"): "To prevent data leakage, we carefully
 * removed the overlapping portions between the domain-general dataset and the domain-specific
 * datasets." The paper does not spell "overlap" out; we implement it as shared IDENTITIES:
 *   - users: the same person (same user space + raw id) in a general domain and the target;
 *   - items: the same item (same item space + raw id), or the same normalised title — RecCocktail
 *     represents every item by its title only, so two ids with one title are one item to the LLM
 *     (this catches e.g. ML-10M vs ML-1M movies).
 * Scope 'eval' (default) protects the users and target items of the target's valid/test cases —
 * exactly what must never be seen during base-spirit training, including the new-item setting's
 * cold test items. Scope 'all' protects every user and item of the target domain.
 * Every general-domain interaction that touches a protected user or item is removed.
 */
import type { LineageStep } from '../../protocol/dto';
import { rowCount, selectRows, type InteractionColumns } from '../splits/columns';
import type { EvalCases, SplitResult } from '../splits/types';
import { cleanText } from '../text/clean';
import type { CorpusDomain, MultiDomainCorpus } from './corpus';

/** What counts as overlap. */
export interface OverlapPolicy {
  readonly scope: 'eval' | 'all';
  readonly users: boolean;
  readonly items: boolean;
  /** Also match items by normalised title. */
  readonly titles: boolean;
}

/** The strict default. */
export function defaultOverlapPolicy(): OverlapPolicy {
  return { scope: 'eval', users: true, items: true, titles: true };
}

/** Identities that must not appear in the general data. */
export interface ProtectedSet {
  readonly users: ReadonlySet<string>;
  readonly items: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
}

/** Title key used for matching: cleaned, lower-cased. */
export function titleKey(title: string | null): string {
  return title === null ? '' : cleanText(title).toLowerCase();
}

/** Collects the protected identities of the target domain (its split is in local indices). */
export function protectedIdentities(corpus: MultiDomainCorpus, target: CorpusDomain, split: SplitResult, policy: OverlapPolicy): ProtectedSet {
  const users = new Set<string>();
  const items = new Set<string>();
  const addUser = (local: number): void => {
    users.add(corpus.users[target.userGlobal[local] ?? -1]?.identity ?? '');
  };
  const addItem = (local: number): void => {
    items.add(corpus.items[(target.itemGlobal[local] ?? 0) - 1]?.identity ?? '');
  };
  if (policy.scope === 'all') {
    target.source.users.forEach((_, u) => addUser(u));
    target.source.items.forEach((_, k) => addItem(k + 1));
  } else {
    for (const cases of [split.valid, split.test]) {
      forEachCase(cases, (u, it) => {
        addUser(u);
        addItem(it);
      });
    }
  }
  const titles = new Set<string>();
  if (policy.titles) for (const it of corpus.items) if (items.has(it.identity)) titles.add(titleKey(it.title));
  titles.delete('');
  return { users: policy.users ? users : new Set(), items: policy.items ? items : new Set(), titles: policy.items ? titles : new Set() };
}

function forEachCase(cases: EvalCases, f: (user: number, item: number) => void): void {
  for (let k = 0; k < cases.user.length; k++) f(cases.user[k] ?? 0, cases.target[k] ?? 0);
}

/** A general domain's rows without any protected user or item, with the lineage record. */
export function removeOverlap(corpus: MultiDomainCorpus, general: CorpusDomain, protect: ProtectedSet): { rows: InteractionColumns; step: LineageStep } {
  const cols = general.source.rows;
  const keep = new Uint8Array(rowCount(cols));
  let byUser = 0;
  let byItem = 0;
  for (let i = 0; i < keep.length; i++) {
    const user = corpus.users[general.userGlobal[cols.userIdx[i] ?? 0] ?? -1];
    const item = corpus.items[(general.itemGlobal[cols.itemIdx[i] ?? 0] ?? 0) - 1];
    const userHit = protect.users.has(user?.identity ?? '');
    const itemHit = protect.items.has(item?.identity ?? '') || protect.titles.has(titleKey(item?.title ?? null));
    byUser += userHit ? 1 : 0;
    byItem += itemHit && !userHit ? 1 : 0;
    keep[i] = userHit || itemHit ? 0 : 1;
  }
  const rows = selectRows(cols, keep);
  const params = { domain: general.name, droppedForUser: byUser, droppedForItem: byItem };
  return { rows, step: { step: 'remove-overlap', params, before: rowCount(cols), after: rowCount(rows) } };
}

/** Local items of `domain` that are protected (never to be shown, not even as negatives). */
export function protectedLocalItems(corpus: MultiDomainCorpus, domain: CorpusDomain, protect: ProtectedSet): number[] {
  const out: number[] = [];
  for (let local = 1; local < domain.itemGlobal.length; local++) {
    const item = corpus.items[(domain.itemGlobal[local] ?? 0) - 1];
    if (protect.items.has(item?.identity ?? '') || protect.titles.has(titleKey(item?.title ?? null))) out.push(local);
  }
  return out;
}
