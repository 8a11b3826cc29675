import { describe, expect, it } from 'vitest';
import { useTempWorkspace } from './testWorkspace.testutil';
import type { Workspace } from './workspace';

let ws: Workspace;
useTempWorkspace((_t, w) => { ws = w; });

describe('item text templates', () => {
  it('previews presets and custom templates on the first items, saves only valid ones', async () => {
    const demo = await ws.importDemo();
    const fallback = await ws.itemText(demo.id);
    expect(fallback.template).toBe('Title: {title}. Genres: {genres}.');
    expect(fallback.samples).toHaveLength(5);
    expect(fallback.presets.map((p) => p.name)).toContain('RecBase unified');

    const tried = await ws.itemText(demo.id, 'Describe a {domain}: {title}');
    expect(tried.errors).toEqual([]);
    expect(tried.samples[0]).toMatch(/^Describe a (movie|book|game)s?: \S/);

    const bad = await ws.itemText(demo.id, 'About {titel}');
    expect(bad.errors[0]).toMatchObject({ position: 6 });
    expect(bad.samples).toEqual([]);
    await expect(ws.setItemTemplate(demo.id, 'About {titel}')).rejects.toMatchObject({ code: 'validation', location: { field: 'character 6' } });

    await ws.setItemTemplate(demo.id, '{title} ({genres})');
    expect((await ws.itemText(demo.id)).template).toBe('{title} ({genres})');
  });
});
