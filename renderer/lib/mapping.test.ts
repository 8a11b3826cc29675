import { describe, expect, it } from 'vitest';
import type { TabularPreview } from '../../core/protocol';
import { checkMapping, initialMapping } from './mapping';

const preview = (columns: string[], suggested: TabularPreview['suggested']): TabularPreview => ({
  file: 'a.csv', kind: 'csv', gzip: false, columns: columns.map((name) => ({ name, type: 'VARCHAR' })), rows: [], rowEstimate: 0, suggested,
});

describe('column mapping', () => {
  it('keeps the suggestion where every file has the column', () => {
    const a = preview(['uid', 'iid', 'ts', 'title', 'desc'], { user: 'uid', item: 'iid', timestamp: 'ts', title: 'title', text: ['desc'] });
    const b = preview(['uid', 'iid', 'ts', 'desc'], {});
    expect(initialMapping([a, b])).toEqual({ user: 'uid', item: 'iid', timestamp: 'ts', text: ['desc'] });
    expect(initialMapping([])).toEqual({});
  });

  it('requires user, item and timestamp and refuses a column in two roles', () => {
    expect(checkMapping({ user: 'u', item: 'u' })).toEqual({ ok: false, errors: ['Choose the timestamp column', "Column 'u' is mapped to two roles"] });
  });

  it('builds the mapping with optional roles; text fields never repeat a role column', () => {
    expect(checkMapping({ user: 'u', item: 'i', timestamp: 't', rating: 'r', text: ['d', 'r'] })).toEqual({
      ok: true, mapping: { user: 'u', item: 'i', timestamp: 't', rating: 'r', text: ['d'] },
    });
  });
});
