import { describe, expect, it } from 'vitest';
import { defaultDatasetName, detectFormat } from './detectFormat';

describe('detectFormat', () => {
  it('treats any file named u.data as MovieLens 100K', () => {
    expect(detectFormat([{ name: 'u.item' }, { name: 'u.data' }])).toBe('movielens-100k');
    expect(detectFormat([{ name: 'U.DATA' }])).toBe('movielens-100k');
  });
  it('falls back to csv', () => {
    expect(detectFormat([{ name: 'ratings.csv' }])).toBe('csv');
    expect(detectFormat([{ name: 'u.data.csv' }])).toBe('csv');
    expect(detectFormat([])).toBe('csv');
  });
});

describe('defaultDatasetName', () => {
  it('uses the folder holding u.data (Electron path, POSIX or Windows)', () => {
    expect(defaultDatasetName([{ name: 'u.data', path: '/home/me/data/ml-100k/u.data' }])).toBe('ml-100k');
    expect(defaultDatasetName([{ name: 'u.data', path: 'C:\\data\\movielens\\u.data' }])).toBe('movielens');
  });
  it('uses the picked folder (webkitRelativePath)', () => {
    expect(defaultDatasetName([{ name: 'u.data', relativePath: 'ml-100k/u.data' }])).toBe('ml-100k');
    expect(defaultDatasetName([{ name: 'a.csv', relativePath: 'amazon-books/a.csv' }])).toBe('amazon-books');
  });
  it("defaults to 'ml-100k' for a bare u.data", () => {
    expect(defaultDatasetName([{ name: 'u.data', relativePath: '' }])).toBe('ml-100k');
    expect(defaultDatasetName([{ name: 'u.item' }, { name: 'u.data', path: '' }])).toBe('ml-100k');
  });
  it("uses the first file's base name otherwise", () => {
    expect(defaultDatasetName([{ name: 'ratings.csv' }])).toBe('ratings');
    expect(defaultDatasetName([{ name: 'events.csv.gz' }])).toBe('events');
    expect(defaultDatasetName([{ name: 'noext' }])).toBe('noext');
    expect(defaultDatasetName([])).toBe('');
  });
});
