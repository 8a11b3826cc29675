/**
 * Splits one prepared multi-domain dataset (items tagged with a domain, e.g. the bundled demo) into
 * one DomainSource per domain, so it can be registered as a corpus. Users keep their indices in
 * every domain (same people); items are re-indexed per domain.
 */
import { RecForgeError } from '../../errors';
import type { PreparedDataset } from '../preprocess/prepare';
import { rowCount, selectRows } from '../splits/columns';
import type { DomainSource } from './corpus';

/** One DomainSource per distinct item domain, in sorted domain order. */
export function sourcesFromPrepared(prepared: Pick<PreparedDataset, 'users' | 'items' | 'rows' | 'domains'>): DomainSource[] {
  if (prepared.domains.length === 0) throw new RecForgeError('validation', 'the dataset has no item domains', { file: 'corpus', field: 'domain' });
  return prepared.domains.map((name) => {
    const local = new Int32Array(prepared.items.length + 1);
    let count = 0;
    const items = prepared.items.filter((it, k) => {
      if (it.domain !== name) return false;
      local[k + 1] = ++count;
      return true;
    });
    const keep = new Uint8Array(rowCount(prepared.rows));
    for (let i = 0; i < keep.length; i++) keep[i] = prepared.items[(prepared.rows.itemIdx[i] ?? 0) - 1]?.domain === name ? 1 : 0;
    const picked = selectRows(prepared.rows, keep);
    const itemIdx = Int32Array.from(picked.itemIdx, (g) => local[g] ?? 0);
    return { name, users: prepared.users, items, rows: { ...picked, itemIdx } };
  });
}
