import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../errors';
import { parseIdField, parseIntIdField } from './fields';

const at = { file: 'f.csv', line: 3, field: 'user' };

function locationOf(parse: () => unknown): unknown {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(RecForgeError);
    return (e as RecForgeError).location;
  }
  return null;
}

describe('parseIntIdField', () => {
  it.each([
    ['9007199254740993', '9007199254740993'],
    ['18446744073709551617', '18446744073709551617'],
    [' 0242 ', '242'],
    ['000', '0'],
    ['-07', '-7'],
    ['-0', '0'],
  ])('keeps %j as the digits %j, without a Number round trip', (raw, id) => {
    expect(parseIntIdField(raw, at)).toBe(id);
  });
  it.each(['3.5', '1e3', '+1', '', 'x1'])('rejects %j as not an integer', (raw) => {
    expect(locationOf(() => parseIntIdField(raw, at))).toEqual({ ...at, expected: 'an integer' });
  });
});

describe('parseIdField', () => {
  it('trims ids and keeps inner spaces', () => {
    expect(parseIdField('  a b ', at)).toBe('a b');
  });
  it.each(['i35,1600000005,1\nu6', 'a\rb'])('rejects an id with a line break (%j), as an unbalanced quote leaves', (raw) => {
    expect(locationOf(() => parseIdField(raw, at))).toEqual({ ...at, expected: 'an id without line breaks (an unbalanced quote?)' });
  });
});
