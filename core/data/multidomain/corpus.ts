/**
 * A corpus of several datasets registered as domains. Each domain keeps its own local indices
 * (so single-domain splits and candidate sampling stay inside the domain) plus maps to corpus-wide
 * indices. Item ids are namespaced per domain ("books:0451" ≠ "movies:0451"); users are the same
 * person across domains only when they share a user space (Amazon categories share reviewer ids,
 * MovieLens-1M and -10M do not).
 */
import type { LineageStep } from '../../protocol/dto';
import { RecForgeError } from '../../errors';
import { assertChronological, rowCount, type InteractionColumns } from '../splits/columns';

/** The item fields the multi-domain builders read (PreparedItem satisfies it). */
export interface SourceItem {
  readonly rawId: string;
  readonly title: string | null;
  readonly genres: readonly string[];
}

/** One dataset to register (PreparedDataset satisfies users/items/rows). */
export interface DomainSource {
  readonly name: string;
  /** users[userIdx] = raw user id (0-based). */
  readonly users: readonly string[];
  /** items[itemIdx - 1] = item (1-based). */
  readonly items: readonly SourceItem[];
  readonly rows: InteractionColumns;
  /** Same space + same raw id = same person. Default 'shared'. */
  readonly userSpace?: string;
  /** Same space + same raw id = same item (e.g. ML-1M and ML-10M movie ids). Default: the domain name. */
  readonly itemSpace?: string;
}

/** A registered domain: the source plus local → corpus index maps. */
export interface CorpusDomain {
  readonly name: string;
  readonly index: number;
  readonly source: DomainSource;
  /** userGlobal[localUser] = corpus user index. */
  readonly userGlobal: Int32Array;
  /** itemGlobal[localItem] = corpus item index (1-based; itemGlobal[0] = 0). */
  readonly itemGlobal: Int32Array;
}

/** A corpus item, tagged with its domain. */
export interface CorpusItem extends SourceItem {
  /** Namespaced id, `${domain}:${rawId}`. */
  readonly id: string;
  readonly domain: string;
  readonly domainIdx: number;
  /** Cross-domain identity, `${itemSpace}/${rawId}`. */
  readonly identity: string;
}

/** A corpus user; `identity` is `${userSpace}/${rawId}`. */
export interface CorpusUser {
  readonly identity: string;
  readonly rawId: string;
}

/** Several domains with corpus-wide users and items. */
export interface MultiDomainCorpus {
  readonly domains: readonly CorpusDomain[];
  readonly users: readonly CorpusUser[];
  /** items[globalIdx - 1]. */
  readonly items: readonly CorpusItem[];
  readonly step: LineageStep;
}

/** Registers the sources in the given order (the order also breaks cross-domain time ties). */
export function buildCorpus(sources: readonly DomainSource[]): MultiDomainCorpus {
  checkNames(sources);
  const userIndex = new Map<string, number>();
  const users: CorpusUser[] = [];
  const items: CorpusItem[] = [];
  const domains = sources.map((source, index) => {
    assertChronological(source.rows);
    const space = source.userSpace ?? 'shared';
    const userGlobal = Int32Array.from(source.users, (rawId) => internUser(userIndex, users, space, rawId));
    const itemGlobal = new Int32Array(source.items.length + 1);
    source.items.forEach((it, k) => {
      items.push({ ...it, id: `${source.name}:${it.rawId}`, domain: source.name, domainIdx: index, identity: `${source.itemSpace ?? source.name}/${it.rawId}` });
      itemGlobal[k + 1] = items.length;
    });
    return { name: source.name, index, source, userGlobal, itemGlobal };
  });
  const n = sources.reduce((acc, s) => acc + rowCount(s.rows), 0);
  const params = { domains: sources.map((s) => s.name).join(','), users: users.length, items: items.length };
  return { domains, users, items, step: { step: 'register-domains', params, before: n, after: n } };
}

function internUser(index: Map<string, number>, users: CorpusUser[], space: string, rawId: string): number {
  const identity = `${space}/${rawId}`;
  const known = index.get(identity);
  if (known !== undefined) return known;
  users.push({ identity, rawId });
  index.set(identity, users.length - 1);
  return users.length - 1;
}

function checkNames(sources: readonly DomainSource[]): void {
  const seen = new Set<string>();
  for (const s of sources) {
    if (s.name === '' || s.name.includes(':') || seen.has(s.name)) {
      throw new RecForgeError('validation', `domain names must be unique, non-empty and free of ':' (got '${s.name}')`, { file: 'corpus', field: 'name' });
    }
    seen.add(s.name);
  }
}

/** The registered domain called `name`. */
export function domainByName(corpus: MultiDomainCorpus, name: string): CorpusDomain {
  const d = corpus.domains.find((x) => x.name === name);
  if (!d) throw new RecForgeError('not_found', `no domain '${name}' in the corpus`, { file: 'corpus', field: 'domain', expected: corpus.domains.map((x) => x.name).join(', ') });
  return d;
}
