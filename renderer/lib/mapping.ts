/** The column-mapping step of the import wizard: roles, their defaults and their checks (pure). */
import type { ColumnMapping, ImportOptions, TabularPreview } from '../../core/protocol';

/** Roles a single column can play (text fields are a list, handled apart). */
export type Role = 'user' | 'item' | 'timestamp' | 'rating' | 'label' | 'title' | 'genres' | 'domain';

export const ROLES: readonly { readonly role: Role; readonly label: string; readonly required: boolean }[] = [
  { role: 'user', label: 'User id', required: true },
  { role: 'item', label: 'Item id', required: true },
  { role: 'timestamp', label: 'Timestamp', required: true },
  { role: 'rating', label: 'Rating', required: false },
  { role: 'label', label: 'Label (click / like)', required: false },
  { role: 'title', label: 'Item title', required: false },
  { role: 'genres', label: 'Genres (| separated)', required: false },
  { role: 'domain', label: 'Domain', required: false },
];

/** A mapping being edited: every role may be unset. */
export type DraftMapping = Partial<Record<Role, string>> & { readonly text?: readonly string[] };

export const DEFAULT_OPTIONS: ImportOptions = { dedupe: 'keep-all', onError: 'fail' };

/** The host's suggestion, kept only where the column exists in every previewed file. */
export function initialMapping(previews: readonly TabularPreview[]): DraftMapping {
  const first = previews[0];
  if (first === undefined) return {};
  const everywhere = (c: string): boolean => previews.every((p) => p.columns.some((x) => x.name === c));
  const out: Record<string, unknown> = {};
  for (const { role } of ROLES) {
    const c = first.suggested[role];
    if (typeof c === 'string' && everywhere(c)) out[role] = c;
  }
  const text = (first.suggested.text ?? []).filter(everywhere);
  return { ...(out as DraftMapping), ...(text.length > 0 ? { text } : {}) };
}

/** The mapping to send, or what is wrong with it (missing roles, one column in two roles). */
export function checkMapping(m: DraftMapping): { ok: true; mapping: ColumnMapping } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  for (const r of ROLES) if (r.required && !m[r.role]) errors.push(`Choose the ${r.label.toLowerCase()} column`);
  const used = ROLES.map((r) => m[r.role]).filter((c): c is string => Boolean(c));
  const twice = used.filter((c, i) => used.indexOf(c) !== i);
  for (const c of new Set(twice)) errors.push(`Column '${c}' is mapped to two roles`);
  if (errors.length > 0 || !m.user || !m.item || !m.timestamp) return { ok: false, errors };
  const optional = Object.fromEntries(ROLES.filter((r) => !r.required && m[r.role]).map((r) => [r.role, m[r.role]]));
  const text = (m.text ?? []).filter((c) => !used.includes(c));
  return { ok: true, mapping: { user: m.user, item: m.item, timestamp: m.timestamp, ...optional, ...(text.length > 0 ? { text } : {}) } };
}
