/**
 * Forms generated from a recipe's settings schema (JSON Schema produced by the host from zod):
 * one field per leaf, grouped by top-level object, with labels, help, ranges and defaults.
 * Values are edited as text and turned back into the nested request object here; the host
 * validates the result again with the same zod schema.
 */
import type { ApiError, JsonSchema } from '../../core/protocol';

/**
 * 'model': a registered model's id or 'scratch' (JSON Schema format 'model-ref'); 'domain': one of
 * the chosen dataset's domains, '' for the recipe's default (format 'domain-ref').
 */
export type FieldKind = 'integer' | 'number' | 'boolean' | 'enum' | 'string' | 'model' | 'domain';

export interface SchemaField {
  /** Dotted path in the settings object, e.g. 'train.epochs'. */
  readonly path: string;
  readonly label: string;
  readonly help: string;
  readonly kind: FieldKind;
  readonly min?: number;
  readonly max?: number;
  readonly options?: readonly string[];
  /** Default as text ('' when the schema has none). */
  readonly initial: string;
}

export interface SchemaGroup {
  readonly key: string;
  readonly title: string;
  readonly fields: readonly SchemaField[];
}

/** Form values keyed by field path (text for inputs, 'true'/'false' for checkboxes). */
export type FormValues = Readonly<Record<string, string>>;

const GROUP_TITLES: Readonly<Record<string, string>> = { train: 'Training', modelConfig: 'Model', eval: 'Evaluation' };

function humanize(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function kindOf(s: JsonSchema): FieldKind {
  if (s.format === 'model-ref') return 'model';
  if (s.format === 'domain-ref') return 'domain';
  if (s.enum !== undefined) return 'enum';
  if (s.type === 'integer' || s.type === 'number' || s.type === 'boolean') return s.type;
  return 'string';
}

function leaf(path: string, key: string, s: JsonSchema, overrides: Readonly<Record<string, unknown>>): SchemaField {
  const initial = overrides[path] ?? s.default;
  return {
    path, label: s.title ?? humanize(key), help: s.description ?? '', kind: kindOf(s),
    ...(s.minimum !== undefined ? { min: s.minimum } : s.exclusiveMinimum !== undefined ? { min: s.exclusiveMinimum } : {}),
    ...(s.maximum !== undefined ? { max: s.maximum } : {}),
    ...(s.enum !== undefined ? { options: s.enum.map(String) } : {}),
    initial: initial === undefined ? '' : String(initial),
  };
}

/** Groups (one per top-level object property) of leaf fields. */
export function formGroups(settings: JsonSchema, overrides: Readonly<Record<string, unknown>> = {}): SchemaGroup[] {
  return Object.entries(settings.properties ?? {}).map(([key, group]) => ({
    key,
    title: group.title ?? GROUP_TITLES[key] ?? humanize(key),
    fields: Object.entries(group.properties ?? {}).map(([k, s]) => leaf(`${key}.${k}`, k, s, overrides)),
  }));
}

/** Every field's initial text. */
export function initialValues(groups: readonly SchemaGroup[]): FormValues {
  return Object.fromEntries(groups.flatMap((g) => g.fields.map((f) => [f.path, f.initial])));
}

function parseField(f: SchemaField, text: string): { value?: unknown; error?: string } {
  if (f.kind === 'boolean') return { value: text === 'true' };
  if (f.kind === 'enum' || f.kind === 'string' || f.kind === 'model' || f.kind === 'domain') return { value: text };
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return { error: `${f.label} must be a number` };
  if (f.kind === 'integer' && !Number.isInteger(n)) return { error: `${f.label} must be a whole number` };
  if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) return { error: `${f.label} must be between ${f.min ?? '−∞'} and ${f.max ?? '∞'}` };
  return { value: n };
}

/** The nested settings object, or the list of problems (one per bad field). */
export function buildSettings(groups: readonly SchemaGroup[], values: FormValues): { ok: true; settings: Record<string, Record<string, unknown>> } | { ok: false; errors: string[] } {
  const settings: Record<string, Record<string, unknown>> = {};
  const errors: string[] = [];
  for (const g of groups) {
    const obj: Record<string, unknown> = {};
    for (const f of g.fields) {
      const r = parseField(f, values[f.path] ?? f.initial);
      if (r.error !== undefined) errors.push(r.error);
      else obj[f.path.slice(g.key.length + 1)] = r.value;
    }
    settings[g.key] = obj;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}

/** One problem of a refused run request, in the form's words, and the field it belongs to (null: none of the form's). */
export interface FormProblem {
  readonly text: string;
  readonly path: string | null;
}

/** The host's reasons for refusing the form's request, each named by its field's label when the form has that field. */
export function refusalProblems(error: ApiError, groups: readonly SchemaGroup[]): FormProblem[] {
  const fields = new Map(groups.flatMap((g) => g.fields.map((f) => [f.path, f.label] as const)));
  const issues = error.issues ?? [];
  if (issues.length === 0) return [{ text: error.message, path: error.location?.field !== undefined && fields.has(error.location.field) ? error.location.field : null }];
  return issues.map((i) => {
    const label = fields.get(i.field);
    return label === undefined ? { text: `${i.field}: ${i.message}`, path: null } : { text: `${label}: ${i.message}`, path: i.field };
  });
}
