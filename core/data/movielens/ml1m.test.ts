import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { textChunks } from '../lines';
import type { TextSource } from '../types';
import { parseMovieLensCsv } from './latest';
import { parseMovieLens1m } from './ml1m';

const src = (name: string, ...chunks: string[]): TextSource => ({ name, chunks: textChunks(...chunks) });

async function locationOf(p: Promise<unknown>): Promise<unknown> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  return (err as RecForgeError).location;
}

describe('MovieLens 1M (.dat)', () => {
  it('parses ratings and movies with | genres, across chunk boundaries', async () => {
    const ds = await parseMovieLens1m({
      ratings: src('ratings.dat', '1::1193::5::978300760\n1::66', '1::3::978302109\r\n'),
      movies: src('movies.dat', "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n"),
    });
    expect(ds.interactions).toEqual([
      { user: '1', item: '1193', rating: 5, timestamp: 978300760 },
      { user: '1', item: '661', rating: 3, timestamp: 978302109 },
    ]);
    expect(ds.items.get('661')).toEqual({ title: 'James and the Giant Peach (1996)', genres: ['Animation', "Children's", 'Musical'] });
  });
  it('locates a bad rating, a wrong field count and a duplicate movie', async () => {
    expect(await locationOf(parseMovieLens1m({ ratings: src('ratings.dat', '1::2::5::9\n1::3::9::9\n') })))
      .toEqual({ file: 'ratings.dat', line: 2, field: 'Rating', expected: 'an integer 1..5' });
    expect(await locationOf(parseMovieLens1m({ ratings: src('ratings.dat', '1::2::5::9\n\n1::3::4\n') })))
      .toEqual({ file: 'ratings.dat', line: 3, expected: 'UserID::MovieID::Rating::Timestamp' });
    expect(await locationOf(parseMovieLens1m({ ratings: src('ratings.dat', ''), movies: src('movies.dat', '1::A::Drama\n1::B::Drama\n') })))
      .toMatchObject({ file: 'movies.dat', line: 2, field: 'MovieID' });
  });
  it('rejects a movies.dat given without rows, and warns about rated movies it lacks', async () => {
    expect(await locationOf(parseMovieLens1m({ ratings: src('ratings.dat', '1::2::5::9\n'), movies: src('movies.dat', '\n') })))
      .toEqual({ file: 'movies.dat', expected: 'one row per movie: MovieID, title, genres' });
    const ds = await parseMovieLens1m({ ratings: src('ratings.dat', '1::2::5::9\n1::3::4::9\n'), movies: src('movies.dat', '2::A::Drama\n') });
    expect(ds.warnings?.map((w) => w.message)).toEqual(['1 item(s) rated in ratings.dat have no row in movies.dat (3); they are imported without title or genres']);
  });
  it('keeps user and movie ids above 2^53 digit for digit', async () => {
    const ds = await parseMovieLens1m({ ratings: src('ratings.dat', '9007199254740993::18446744073709551617::5::9\n'), movies: src('movies.dat', '18446744073709551617::A::Drama\n') });
    expect(ds.interactions).toEqual([{ user: '9007199254740993', item: '18446744073709551617', rating: 5, timestamp: 9 }]);
    expect(ds.items.get('18446744073709551617')?.title).toBe('A');
  });
  it('names an empty ratings.dat', async () => {
    expect(await locationOf(parseMovieLens1m({ ratings: src('ratings.dat', '') })))
      .toEqual({ file: 'ratings.dat', expected: 'one row per rating: UserID, MovieID, Rating, Timestamp' });
  });
  it('does not warn without a movies.dat (no titles were promised)', async () => {
    expect((await parseMovieLens1m({ ratings: src('ratings.dat', '1::2::5::9\n') })).warnings).toBeUndefined();
  });
});

describe('MovieLens latest (.csv)', () => {
  it('parses half-star ratings and quoted titles; "(no genres listed)" means none', async () => {
    const ds = await parseMovieLensCsv({
      ratings: src('ratings.csv', 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,3.5,964981247\n'),
      movies: src('movies.csv', 'movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n3,"American President, The (1995)",(no genres listed)\n'),
    });
    expect(ds.interactions).toEqual([
      { user: '1', item: '1', rating: 4, timestamp: 964982703 },
      { user: '1', item: '3', rating: 3.5, timestamp: 964981247 },
    ]);
    expect(ds.items.get('3')).toEqual({ title: 'American President, The (1995)', genres: [] });
  });
  it('accepts columns in any order', async () => {
    const ds = await parseMovieLensCsv({ ratings: src('ratings.csv', 'timestamp,rating,movieId,userId\n5,2.5,7,9\n') });
    expect(ds.interactions).toEqual([{ user: '9', item: '7', rating: 2.5, timestamp: 5 }]);
  });
  it('locates a missing header column, a bad timestamp and a wrong width', async () => {
    expect(await locationOf(parseMovieLensCsv({ ratings: src('ratings.csv', 'userId,movieId,rating\n1,2,3\n') })))
      .toMatchObject({ file: 'ratings.csv', line: 1, field: 'header' });
    expect(await locationOf(parseMovieLensCsv({ ratings: src('ratings.csv', 'userId,movieId,rating,timestamp\n1,2,3,4\n1,2,3,soon\n') })))
      .toEqual({ file: 'ratings.csv', line: 3, field: 'timestamp', expected: 'an integer' });
    expect(await locationOf(parseMovieLensCsv({ ratings: src('ratings.csv', ''), movies: src('movies.csv', 'movieId,title,genres\n1,A, B,Drama\n') })))
      .toMatchObject({ file: 'movies.csv', line: 2 });
  });
  it('keeps ids above 2^53 digit for digit', async () => {
    const ds = await parseMovieLensCsv({ ratings: src('ratings.csv', 'userId,movieId,rating,timestamp\n9007199254740993,7,4.5,1\n') });
    expect(ds.interactions).toEqual([{ user: '9007199254740993', item: '7', rating: 4.5, timestamp: 1 }]);
  });
  it('names a header-only ratings.csv', async () => {
    expect(await locationOf(parseMovieLensCsv({ ratings: src('ratings.csv', 'userId,movieId,rating,timestamp\n') })))
      .toEqual({ file: 'ratings.csv', expected: 'one row per rating: userId, movieId, rating, timestamp' });
  });
});
