import { describe, expect, it } from 'vitest';
import { encodeSafetensors } from '../../tensor/safetensors';
import { thrownRecForgeError } from '../../testing/recForgeError';
import { decodeTextEncoder, encodeTextEncoder, encodeTexts, fitTextEncoder, TEXT_ENCODER_FORMAT } from './textEncoder';

const TEXTS = ['haunted crypt saga', 'haunted ghost tale', 'ghost crypt legend', 'jolly picnic party', 'jolly beach party', 'sunny beach picnic'];
const DOMAINS = ['books', 'books', 'games', 'books', 'games', 'games'];

function row(v: Float32Array, dim: number, r: number): number[] {
  return Array.from(v.subarray(r * dim, (r + 1) * dim));
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
}

describe('RecBase text encoder', () => {
  it('re-imported, it gives the fitted texts exactly their fitted vectors', () => {
    const { encoder, vectors } = fitTextEncoder(TEXTS, 3, DOMAINS);
    const back = decodeTextEncoder(encodeTextEncoder(encoder));
    expect(back.features).toEqual(encoder.features);
    expect([...back.means.keys()]).toEqual(['books', 'games']);
    expect(Array.from(encodeTexts(back, TEXTS, DOMAINS))).toEqual(Array.from(vectors));
  });

  it('places a new text of a known domain next to the items that share its topic', () => {
    const { encoder, vectors } = fitTextEncoder(TEXTS, 3, DOMAINS);
    const fresh = encodeTexts(encoder, ['haunted ghost saga', 'an unheard-of word'], ['books', 'books']);
    const v = row(fresh, 3, 0);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    const similarity = TEXTS.map((_, r) => dot(v, row(vectors, 3, r)));
    expect(Math.min(...similarity.slice(0, 3))).toBeGreaterThan(Math.max(...similarity.slice(3)));
    // No known word: the TF-IDF row is empty and the vector is minus the domain mean, normalised (finite).
    expect(row(fresh, 3, 1).every(Number.isFinite)).toBe(true);
  });

  it("centres a new domain's texts on their own mean, and refuses a single one", () => {
    const { encoder } = fitTextEncoder(TEXTS, 3, DOMAINS);
    const two = encodeTexts(encoder, ['haunted crypt', 'jolly party'], ['music', 'music']);
    const sum = [0, 1, 2].map((j) => (two[j] ?? 0) + (two[3 + j] ?? 0));
    // Two rows centred on their mean are opposite: normalised, they sum to zero.
    sum.forEach((s) => expect(s).toBeCloseTo(0, 5));
    const err = thrownRecForgeError(() => encodeTexts(encoder, ['haunted crypt'], ['music']));
    expect(err.message).toMatch(/domain 'music' is new to this encoder: give at least 2/);
    expect(err.location).toMatchObject({ file: 'text-encoder', field: 'domains' });
    expect(thrownRecForgeError(() => encodeTexts(encoder, ['haunted crypt'])).location).toMatchObject({ field: 'domains' });
  });

  it('without domains, one mean serves every text', () => {
    const { encoder, vectors } = fitTextEncoder(TEXTS, 3);
    expect(encoder.centring).toBe('all');
    expect(Array.from(encodeTexts(decodeTextEncoder(encodeTextEncoder(encoder)), TEXTS))).toEqual(Array.from(vectors));
  });

  it('names what is wrong in a damaged file', () => {
    const bytes = encodeTextEncoder(fitTextEncoder(TEXTS, 3, DOMAINS).encoder);
    expect(thrownRecForgeError(() => decodeTextEncoder(encodeSafetensors(new Map(), { format: 'other' }))).message).toMatch(/not a RecBase text encoder file \(format other\)/);
    const idf = { dtype: 'F32' as const, shape: [2], data: new Float32Array(2) };
    const short = encodeSafetensors(new Map([['idf', idf]]), { format: TEXT_ENCODER_FORMAT, features: '["a","b","c"]', groups: '[]', centring: 'all' });
    const err = thrownRecForgeError(() => decodeTextEncoder(short));
    expect(err.location).toMatchObject({ file: 'text-encoder' });
    expect(err.message).toMatch(/tensor '(means|idf|basis)'/);
    // The undamaged file of the same encoder reads back.
    expect(decodeTextEncoder(bytes).features.length).toBeGreaterThan(0);
  });
});
