/**
 * `{field}` templates over an item's fields. `{{` and `}}` are literal braces (needed for JSON-ish
 * templates). Parsing reports every problem with its character position so the template editor
 * can underline it, instead of failing on the first render.
 */

/** A piece of a parsed template. */
export type TemplateSegment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'field'; readonly name: string; readonly position: number };

/** One template problem; `position` is the 0-based index of the offending character. */
export interface TemplateError {
  readonly kind: 'unclosed-brace' | 'unmatched-close' | 'empty-field' | 'invalid-field-name' | 'unknown-field';
  readonly position: number;
  readonly message: string;
}

/** A parsed template and its syntax errors (unknown fields are checked by validateTemplate). */
export interface ParsedTemplate {
  readonly segments: readonly TemplateSegment[];
  readonly errors: readonly TemplateError[];
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits a template into text and field segments. */
export function parseTemplate(template: string): ParsedTemplate {
  const segments: TemplateSegment[] = [];
  const errors: TemplateError[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    const next = template[i + 1];
    if ((c === '{' && next === '{') || (c === '}' && next === '}')) {
      text += c;
      i += 2;
    } else if (c === '}') {
      errors.push({ kind: 'unmatched-close', position: i, message: `'}' at ${i} closes nothing (write '}}' for a literal brace)` });
      i += 1;
    } else if (c === '{') {
      if (text !== '') segments.push({ kind: 'text', text });
      text = '';
      i = parseField(template, i, segments, errors);
    } else {
      text += c;
      i += 1;
    }
  }
  if (text !== '') segments.push({ kind: 'text', text });
  return { segments, errors };
}

/** Parses `{name}` starting at `open`; returns the index after it. */
function parseField(template: string, open: number, segments: TemplateSegment[], errors: TemplateError[]): number {
  const close = template.indexOf('}', open + 1);
  const nested = template.indexOf('{', open + 1);
  if (close < 0 || (nested >= 0 && nested < close)) {
    errors.push({ kind: 'unclosed-brace', position: open, message: `'{' at ${open} is never closed (write '{{' for a literal brace)` });
    return open + 1;
  }
  const name = template.slice(open + 1, close).trim();
  if (name === '') errors.push({ kind: 'empty-field', position: open, message: `empty placeholder '{}' at ${open}` });
  else if (!FIELD_NAME.test(name)) errors.push({ kind: 'invalid-field-name', position: open + 1, message: `'${name}' at ${open + 1} is not a field name` });
  else segments.push({ kind: 'field', name, position: open });
  return close + 1;
}

/** Syntax errors plus unknown field names (checked against `knownFields`), sorted by position. */
export function validateTemplate(template: string, knownFields: readonly string[]): TemplateError[] {
  const parsed = parseTemplate(template);
  const known = new Set(knownFields);
  const unknown: TemplateError[] = [];
  for (const s of parsed.segments) {
    if (s.kind === 'field' && !known.has(s.name)) {
      unknown.push({ kind: 'unknown-field', position: s.position, message: `unknown field '${s.name}' at ${s.position} (known: ${[...known].sort().join(', ')})` });
    }
  }
  return [...parsed.errors, ...unknown].sort((a, b) => a.position - b.position);
}
