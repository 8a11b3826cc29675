import { describe, expect, it } from 'vitest';
import { defaultDatasetName, detectFormat, missingFiles } from './detectFormat';

describe('detectFormat', () => {
  it('treats any file named u.data as MovieLens 100K', () => {
    expect(detectFormat([{ name: 'u.item' }, { name: 'u.data' }])).toBe('movielens-100k');
    expect(detectFormat([{ name: 'U.DATA' }])).toBe('movielens-100k');
  });
  it('falls back to csv', () => {
    expect(detectFormat([{ name: 'interactions.csv' }])).toBe('csv');
    expect(detectFormat([{ name: 'u.data.csv' }])).toBe('csv');
    expect(detectFormat([])).toBe('csv');
  });
  it('recognises TSV (plain or gzip) and Parquet tables', () => {
    expect(detectFormat([{ name: 'logs.tsv.gz' }])).toBe('tsv');
    expect(detectFormat([{ name: 'interactions.parquet' }])).toBe('parquet');
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

describe('detectFormat for the other supported formats', () => {
  it.each([
    [['ratings.dat', 'movies.dat'], 'movielens-1m'],
    [['ratings.csv', 'movies.csv'], 'movielens-csv'],
    [['ml-1m.inter', 'ml-1m.item'], 'recbole'],
    [['Beauty.jsonl.gz', 'meta_Beauty.jsonl.gz'], 'amazon-2023'],
    [['reviews_Beauty_5.json.gz', 'meta_Beauty.json.gz'], 'amazon-2014'],
    [['Beauty_5.json.gz', 'meta_Beauty.json.gz'], 'amazon-2018'],
    [['clicks.csv'], 'csv'],
  ])('%j → %s', (names, format) => {
    expect(detectFormat(names.map((name) => ({ name })))).toBe(format);
  });

  it('names the files a format cannot do without, before Import is pressed', () => {
    const files = (...names: string[]) => names.map((name) => ({ name }));
    expect(missingFiles('movielens-100k', files('u.data'))).toEqual(['u.item']);
    expect(missingFiles('movielens-100k', files('u.data', 'U.ITEM', 'u.user'))).toEqual([]);
    expect(missingFiles('movielens-1m', files('movies.dat'))).toEqual(['ratings.dat']);
    expect(missingFiles('csv', files('x.csv'))).toEqual([]);
  });
});
