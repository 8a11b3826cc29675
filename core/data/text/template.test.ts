import { describe, expect, it } from 'vitest';
import { previewTemplate, renderTemplate } from './render';
import { parseTemplate, validateTemplate } from './template';

const items = [
  { title: 'Toy Story (1995)', genres: ['Animation', 'Comedy'], year: 1995 },
  { title: 'Heat', genres: [] },
];

describe('templates', () => {
  it('renders fields, joins lists, keeps escaped braces, renders missing fields empty', () => {
    expect(renderTemplate('{title} [{genres}] {{x}} {year}', items[0] ?? {})).toBe('Toy Story (1995) [Animation, Comedy] {x} 1995');
    expect(renderTemplate('{title}|{year}|', items[1] ?? {})).toBe('Heat||');
    expect(renderTemplate('{genres}', items[0] ?? {}, { listSeparator: ' | ' })).toBe('Animation | Comedy');
  });

  it('locates syntax errors by character position', () => {
    expect(parseTemplate('ab {title').errors).toEqual([expect.objectContaining({ kind: 'unclosed-brace', position: 3 })]);
    expect(parseTemplate('x } y').errors).toEqual([expect.objectContaining({ kind: 'unmatched-close', position: 2 })]);
    expect(parseTemplate('{a{b}').errors[0]).toMatchObject({ kind: 'unclosed-brace', position: 0 });
    expect(parseTemplate('a {} b').errors[0]).toMatchObject({ kind: 'empty-field', position: 2 });
    expect(parseTemplate('{ti tle}').errors[0]).toMatchObject({ kind: 'invalid-field-name', position: 1 });
  });

  it('reports unknown fields with their position, sorted with syntax errors', () => {
    const errs = validateTemplate('{titel} and } {genres}', ['title', 'genres']);
    expect(errs.map((e) => [e.kind, e.position])).toEqual([
      ['unknown-field', 0],
      ['unmatched-close', 12],
    ]);
    expect(errs[0]?.message).toMatch(/unknown field 'titel' at 0/);
    expect(validateTemplate('{title}: {genres}', ['title', 'genres'])).toEqual([]);
  });

  it('throws a located error when rendering a broken template', () => {
    expect(() => renderTemplate('{title', {})).toThrow(/character 0/);
  });
});

describe('previewTemplate', () => {
  it('renders the first n items using the fields the items have', () => {
    expect(previewTemplate('{title}', items, 1)).toEqual({ errors: [], samples: ['Toy Story (1995)'] });
    const bad = previewTemplate('{plot}', items, 2);
    expect(bad.samples).toEqual([]);
    expect(bad.errors[0]).toMatchObject({ kind: 'unknown-field', position: 0 });
    expect(previewTemplate('{plot}', items, 2, { knownFields: ['plot'] }).samples).toEqual(['', '']);
  });
});
