import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeInt32s, encodeBase64, encodeInt32s } from './base64';

describe('base64', () => {
  it.each([0, 1, 2, 3, 4, 5, 100, 3 * 16384 + 1])('round-trips %i bytes and matches the platform btoa', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 255);
    const text = encodeBase64(bytes);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    expect(text).toBe(btoa(binary));
    expect(decodeBase64(text)).toEqual(bytes);
  });

  it('round-trips int32 arrays, including a view into a larger buffer', () => {
    const whole = new Int32Array([9, -1, 2 ** 31 - 1, -(2 ** 31), 0]);
    const view = whole.subarray(1, 4);
    expect(Array.from(decodeInt32s(encodeInt32s(view), 'x'))).toEqual([-1, 2 ** 31 - 1, -(2 ** 31)]);
  });

  it('names the bad character and the data it came from', () => {
    expect(() => decodeBase64('AB*D', 'checkpoint last.safetensors')).toThrow(/checkpoint last\.safetensors: character 3 is not base64/);
    expect(() => decodeBase64('ABC', 'x')).toThrow(/not a multiple of 4/);
    expect(() => decodeInt32s('AAA=', 'offsets')).toThrow(/offsets: 2 bytes is not a whole number of int32/);
  });
});
