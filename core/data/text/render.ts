/**
 * Rendering `{field}` templates over item fields, and the live preview of the template editor.
 * Missing fields render as '' (a sparse catalog must not break the corpus); lists are joined.
 */
import { RecForgeError } from '../../errors';
import type { TextFields } from './clean';
import { parseTemplate, validateTemplate, type TemplateError } from './template';

/** Rendering options. */
export interface RenderOptions {
  /** Joins list fields such as genres (default ", "). */
  readonly listSeparator?: string;
}

/** A field value as text. */
export function fieldText(value: TextFields[string], listSeparator = ', '): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return (value as readonly string[]).join(listSeparator);
  return String(value);
}

/** Renders a template; throws a located RecForgeError on syntax errors. */
export function renderTemplate(template: string, item: TextFields, opts: RenderOptions = {}): string {
  const parsed = parseTemplate(template);
  const first = parsed.errors[0];
  if (first) throw new RecForgeError('validation', first.message, { file: 'template', field: 'template', expected: `valid template (character ${first.position})` });
  return parsed.segments.map((s) => (s.kind === 'text' ? s.text : fieldText(item[s.name], opts.listSeparator))).join('');
}

/** What the template editor shows while typing. */
export interface TemplatePreview {
  readonly errors: readonly TemplateError[];
  /** Up to n rendered items (empty while the template has errors). */
  readonly samples: readonly string[];
}

/**
 * Validates against the fields the items actually have (or `knownFields`) and renders the first
 * `n` items, so the user sees both mistakes and real output.
 */
export function previewTemplate(template: string, items: readonly TextFields[], n: number, opts: RenderOptions & { readonly knownFields?: readonly string[] } = {}): TemplatePreview {
  const known = opts.knownFields ?? [...new Set(items.flatMap((it) => Object.keys(it)))];
  const errors = validateTemplate(template, known);
  if (errors.length > 0) return { errors, samples: [] };
  return { errors, samples: items.slice(0, Math.max(0, n)).map((it) => renderTemplate(template, it, opts)) };
}
