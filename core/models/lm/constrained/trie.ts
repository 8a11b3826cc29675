/**
 * A prefix trie over the token sequences a decoder may emit (item titles, semantic-ID codes), so
 * each decoding step knows which next tokens keep the output inside the allowed set.
 */
import { RecForgeError } from '../../../errors';

interface TrieNode {
  readonly children: Map<number, number>;
  terminal: boolean;
}

/** Immutable after construction; nodes are integer ids, the root is 0. */
export class TokenTrie {
  /** Id of the empty prefix. */
  readonly root = 0;
  private readonly nodes: TrieNode[] = [{ children: new Map(), terminal: false }];
  private count = 0;

  private constructor() {}

  /**
   * Builds the trie of `sequences` (duplicates collapse). A sequence may be a prefix of another;
   * then both are complete outputs. Append an end token (EOS) to every sequence if the model's
   * probability of stopping should count.
   * @example TokenTrie.from([[5, 1], [5, 2, 7]]).allowed(0) // [5]
   */
  static from(sequences: Iterable<readonly number[]>): TokenTrie {
    const trie = new TokenTrie();
    for (const seq of sequences) trie.insert(seq);
    return trie;
  }

  private insert(seq: readonly number[]): void {
    if (seq.length === 0) throw new RecForgeError('validation', 'allowed sequences must be non-empty');
    let node = this.root;
    for (const tok of seq) {
      if (!Number.isInteger(tok) || tok < 0) throw new RecForgeError('validation', `allowed sequences hold token ids ≥ 0, got ${tok}`);
      let next = this.node(node).children.get(tok);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ children: new Map(), terminal: false });
        this.node(node).children.set(tok, next);
      }
      node = next;
    }
    if (!this.node(node).terminal) this.count++;
    this.node(node).terminal = true;
  }

  private node(id: number): TrieNode {
    const n = this.nodes[id];
    if (n === undefined) throw new RecForgeError('internal', `no trie node ${id}`);
    return n;
  }

  /** Number of distinct allowed sequences. */
  get size(): number {
    return this.count;
  }

  /** Tokens that may follow the prefix at `node`. */
  allowed(node: number): number[] {
    return [...this.node(node).children.keys()];
  }

  /** The node after emitting `token` at `node`, or undefined when that leaves the allowed set. */
  child(node: number, token: number): number | undefined {
    return this.node(node).children.get(token);
  }

  /** True when the prefix at `node` is itself an allowed sequence. */
  isTerminal(node: number): boolean {
    return this.node(node).terminal;
  }

  /** Node of a whole prefix, or undefined. */
  walk(prefix: readonly number[]): number | undefined {
    let node: number | undefined = this.root;
    for (const tok of prefix) {
      if (node === undefined) return undefined;
      node = this.child(node, tok);
    }
    return node;
  }

  /** True when `seq` is one of the allowed sequences. */
  has(seq: readonly number[]): boolean {
    const node = this.walk(seq);
    return node !== undefined && this.isTerminal(node);
  }

  /** Every allowed sequence, depth-first in insertion order of branches. */
  sequences(): number[][] {
    const out: number[][] = [];
    const visit = (node: number, prefix: number[]): void => {
      if (this.isTerminal(node)) out.push(prefix);
      for (const [tok, next] of this.node(node).children) visit(next, [...prefix, tok]);
    };
    visit(this.root, []);
    return out;
  }
}
