import { describe, expect, it } from 'vitest';
import { parsePythonLiteral } from './pyLiteral';

describe('parsePythonLiteral', () => {
  it('reads a 2014-style metadata dict with nested lists, dicts, numbers and keywords', () => {
    const text = "{'asin': '0000031852', 'title': 'Girls\\' Tutu \"Zebra\"', 'price': 3.17, 'salesRank': {'Toys & Games': 211836}, " +
      "'categories': [['Sports & Outdoors', 'Dance']], 'related': {'also_bought': ('B1', 'B2',)}, 'new': True, 'gone': False, 'x': None, 'n': -2e3}";
    expect(parsePythonLiteral(text)).toEqual({
      asin: '0000031852', title: 'Girls\' Tutu "Zebra"', price: 3.17, salesRank: { 'Toys & Games': 211836 },
      categories: [['Sports & Outdoors', 'Dance']], related: { also_bought: ['B1', 'B2'] }, new: true, gone: false, x: null, n: -2000,
    });
  });
  it('decodes escapes and prefixes like Python', () => {
    expect(parsePythonLiteral("u'caf\\xe9 \\u263a \\U0001F600 \\n\\t\\\\ \\q \\101'")).toBe('café ☺ 😀 \n\t\\ \\q A');
    expect(parsePythonLiteral("r'a\\nb'")).toBe('a\\nb');
    expect(parsePythonLiteral('"it\'s"')).toBe("it's");
    expect(parsePythonLiteral('[1_000, .5, 7., {}, []]')).toEqual([1000, 0.5, 7, {}, []]);
  });
  it('keeps a __proto__ key as data', () => {
    const v = parsePythonLiteral("{'__proto__': {'polluted': 1}}") as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('never evaluates: names, calls and operators are syntax errors with a column', () => {
    expect(() => parsePythonLiteral("__import__('os')")).toThrow(/not a literal at column 1/);
    expect(() => parsePythonLiteral('{1: 2} + 3')).toThrow(/after the literal at column 8/);
    expect(() => parsePythonLiteral("{'a' 1}")).toThrow(/expected ':'/);
    expect(() => parsePythonLiteral("['a', 'b'")).toThrow(/expected ',' or ']'/);
    expect(() => parsePythonLiteral("'open")).toThrow(/unterminated string/);
    expect(() => parsePythonLiteral('[[[['.repeat(40))).toThrow(/nesting too deep/);
  });
});
