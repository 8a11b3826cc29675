import { describe, expect, it } from 'vitest';
import { exportedLambdaText, exportedMergePath } from './exportPath';

const folderName = (path: string): string => path.split('/').at(-1) ?? '';

describe('exported merge folder', () => {
  it('two λs that round alike get their own folders; the same λ (and format) the same one', () => {
    const a = exportedMergePath({ lambda: 0.4137, format: 'adapter' });
    const b = exportedMergePath({ lambda: 0.4149, format: 'adapter' });
    expect(a).toMatch(/^artifacts\/exports\/cocktail-adapter-lambda-0\.41-[0-9a-f]{12}$/);
    expect(b).toMatch(/^artifacts\/exports\/cocktail-adapter-lambda-0\.41-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(exportedMergePath({ lambda: 0.4137, format: 'adapter' })).toBe(a);
    expect(exportedMergePath({ lambda: 0.4137, format: 'checkpoint' })).not.toBe(a);
  });

  it('per layer: a bounded name (mean λ, layer count, hash) that tells apart lists differing in one layer', () => {
    const layers = Array.from({ length: 80 }, (_, i) => (i % 10) / 10 + 0.0123);
    const p = exportedMergePath({ lambda: 0.5, layers, format: 'checkpoint' });
    expect(p).toMatch(/^artifacts\/exports\/cocktail-checkpoint-lambda-0\.46-mean-of-80-layers-[0-9a-f]{12}$/);
    expect(new TextEncoder().encode(folderName(p)).length).toBeLessThan(80);
    const nudged = layers.map((l, i) => (i === 79 ? l + 1e-9 : l));
    expect(exportedMergePath({ lambda: 0.5, layers: nudged, format: 'checkpoint' })).not.toBe(p);
    // The global λ is ignored when layers are given (they replace it), and a one-layer list is not the global λ.
    expect(exportedMergePath({ lambda: 0.1, layers, format: 'checkpoint' })).toBe(p);
    expect(exportedMergePath({ lambda: 0.4, layers: [0.4], format: 'adapter' })).not.toBe(exportedMergePath({ lambda: 0.4, format: 'adapter' }));
  });

  it('the artifact title keeps the exact λs', () => {
    expect(exportedLambdaText({ lambda: 0.4137 })).toBe('λ = 0.4137');
    expect(exportedLambdaText({ lambda: 0.5, layers: [0.25, 0.7501] })).toBe('per-layer λ = [0.25, 0.7501]');
  });
});
