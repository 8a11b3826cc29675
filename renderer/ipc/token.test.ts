import { describe, expect, it } from 'vitest';
import { resolveToken, TOKEN_STORAGE_KEY, tokenFromUrlPart, withoutToken } from './token';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('web-host token', () => {
  it('reads ?token= and #token=', () => {
    expect(tokenFromUrlPart('?token=abc')).toBe('abc');
    expect(tokenFromUrlPart('#token=a%2Bb&x=1')).toBe('a+b');
    expect(tokenFromUrlPart('?x=1')).toBeNull();
    expect(tokenFromUrlPart('?token=')).toBeNull();
    expect(tokenFromUrlPart('')).toBeNull();
  });

  it('prefers the query, stores URL tokens, falls back to the session', () => {
    const storage = memoryStorage();
    expect(resolveToken('?token=q', '#token=h', storage)).toBe('q');
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('q');
    expect(resolveToken('', '#token=h', storage)).toBe('h');
    expect(resolveToken('', '', storage)).toBe('h');
    expect(resolveToken('', '', memoryStorage())).toBeNull();
    expect(resolveToken('', '', null)).toBeNull();
  });

  it('removes only the token from the URL', () => {
    expect(withoutToken('?token=abc')).toBe('');
    expect(withoutToken('?a=1&token=abc')).toBe('?a=1');
    expect(withoutToken('#token=abc&b=2')).toBe('#b=2');
    expect(withoutToken('')).toBe('');
  });
});
