/** The lossy UTF-8 codec matches the platform TextEncoder / TextDecoder (fatal=false). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Lossy, encodeUtf8Lossy } from './utf8Lossy';

describe('utf8Lossy', () => {
  it('encodes like TextEncoder, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(encodeUtf8Lossy(s)).toEqual([...new TextEncoder().encode(s)]);
      }),
      { numRuns: 500, seed: 3 },
    );
    expect(encodeUtf8Lossy('\ud800')).toEqual([0xef, 0xbf, 0xbd]);
  });

  it('decodes arbitrary bytes like TextDecoder', () => {
    const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        expect(decodeUtf8Lossy(bytes)).toBe(decoder.decode(bytes));
      }),
      { numRuns: 2000, seed: 5 },
    );
    for (const bytes of [[0xe0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x8e], [0xc0, 0xaf], [0xef, 0xbb, 0xbf, 0x41]]) {
      expect(decodeUtf8Lossy(bytes)).toBe(decoder.decode(Uint8Array.from(bytes)));
    }
  });
});
