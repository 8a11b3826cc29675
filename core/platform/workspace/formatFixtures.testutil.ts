/** Test fixtures for the non-CSV importers, generated in code from one interaction table. */

/** One generated interaction: numeric user / item, rating 1..5, time in seconds. */
export interface FixtureRow {
  readonly u: number;
  readonly i: number;
  readonly r: number;
  readonly t: number;
}

/** `users` × `perUser` interactions with distinct items per user (like makeCsv). */
export function fixtureRows(users: number, perUser: number, items = 50): FixtureRow[] {
  const rows: FixtureRow[] = [];
  for (let u = 0; u < users; u++) {
    for (let k = 0; k < perUser; k++) rows.push({ u, i: (u * 7 + k * 3) % items, r: 1 + ((u + k) % 5), t: 1_000_000 + k * 10 });
  }
  return rows;
}

/** Distinct items of the rows. */
export function distinctItems(rows: readonly FixtureRow[]): number[] {
  return [...new Set(rows.map((x) => x.i))].sort((a, b) => a - b);
}

const lines = (xs: readonly string[]): string => `${xs.join('\n')}\n`;

/** ml-1m ratings.dat and movies.dat (titles with a latin1 'é'; encode the movies as latin1). */
export function ml1mFiles(rows: readonly FixtureRow[]): { ratings: string; movies: string } {
  return {
    ratings: lines(rows.map((x) => `${x.u + 1}::${x.i + 1}::${x.r}::${x.t}`)),
    movies: lines(distinctItems(rows).map((i) => `${i + 1}::Café ${i} (1995)::Drama|Comedy`)),
  };
}

/** ml-latest ratings.csv (half stars) and movies.csv (quoted titles with commas). */
export function mlCsvFiles(rows: readonly FixtureRow[]): { ratings: string; movies: string } {
  return {
    ratings: lines(['userId,movieId,rating,timestamp', ...rows.map((x) => `${x.u + 1},${x.i + 1},${x.r - 0.5},${x.t}`)]),
    movies: lines(['movieId,title,genres', ...distinctItems(rows).map((i) => `${i + 1},"Movie ${i}, The (1995)",Drama`)]),
  };
}

/** Amazon reviews and metadata of one release (2014 metadata as Python dict literals). */
export function amazonFiles(rows: readonly FixtureRow[], edition: '2014' | '2018' | '2023'): { reviews: string; meta: string } {
  const review = (x: FixtureRow): object =>
    edition === '2023'
      ? { rating: x.r, title: 't', text: 'x', asin: `C${x.i}`, parent_asin: `P${x.i}`, user_id: `U${x.u}`, timestamp: x.t * 1000 + 123, verified_purchase: true }
      : { reviewerID: `A${x.u}`, asin: `B${x.i}`, reviewerName: 'n', helpful: [0, 1], overall: x.r, unixReviewTime: x.t, reviewTime: '01 1, 2014' };
  const meta = (i: number): string =>
    edition === '2014'
      ? `{'asin': 'B${i}', 'title': 'Toy \\'${i}\\'', 'price': 9.5, 'related': {'also_bought': ['B1']}, 'categories': [['Toys', 'Kites']], 'x': None}`
      : JSON.stringify(edition === '2018' ? { asin: `B${i}`, title: `Toy ${i}`, category: ['Toys'], main_cat: 'Toys' } : { parent_asin: `P${i}`, title: `Toy ${i}`, main_category: 'Toys', categories: [] });
  return { reviews: lines(rows.map((x) => JSON.stringify(review(x)))), meta: lines(distinctItems(rows).map(meta)) };
}

/** RecBole .inter and .item. */
export function recboleFiles(rows: readonly FixtureRow[]): { inter: string; item: string } {
  return {
    inter: lines(['user_id:token\titem_id:token\trating:float\ttimestamp:float', ...rows.map((x) => `${x.u}\t${x.i}\t${x.r}\t${x.t}`)]),
    item: lines(['item_id:token\tmovie_title:token_seq\tgenre:token_seq', ...distinctItems(rows).map((i) => `${i}\tMovie ${i}\tDrama Comedy`)]),
  };
}

/** Replaces the 1-based line `line` of `text`. */
export function replaceLine(text: string, line: number, with_: string): string {
  const xs = text.split('\n');
  xs[line - 1] = with_;
  return xs.join('\n');
}
