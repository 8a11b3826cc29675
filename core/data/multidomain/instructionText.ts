/**
 * Turning one (history, candidates, target) triple into an instruction example. RecCocktail §3.1
 * ("Instruction Dataset Construction"): the input holds a task description, the user's historical
 * interactions and a candidate set (the ground truth plus randomly sampled negatives), all as text,
 * each item represented by its title; the output names the next item. The wording of the paper's
 * Figure 2(a) template is not in our material, so the default below is ours; any `{field}`
 * template over {history}, {candidates}, {domain}, {count} can replace it.
 */
import { renderTemplate } from '../text/render';
import type { CorpusDomain, CorpusItem, MultiDomainCorpus } from './corpus';

/** One instruction-tuning example. */
export interface InstructionExample {
  readonly prompt: string;
  readonly completion: string;
  readonly domain: string;
  /** Cross-domain user identity (`${userSpace}/${rawId}`). */
  readonly userId: string;
  /** Namespaced target item id (`${domain}:${rawId}`). */
  readonly targetItem: string;
}

/** Domain-free default: no domain words, so one template serves every domain. */
export const DEFAULT_INSTRUCTION_TEMPLATE =
  'The user interacted with these items, oldest first:\n{history}\n' +
  'Candidate items:\n{candidates}\n' +
  'Which candidate will the user interact with next? Answer with its title.';

/** How items become text in prompts. */
export interface InstructionTextOptions {
  readonly template?: string;
  /** Item text (default: the title, or the namespaced id when there is none). */
  readonly itemText?: (item: CorpusItem) => string;
}

/** Local indices of one example inside a domain. */
export interface ExampleParts {
  readonly user: number;
  readonly history: ArrayLike<number>;
  readonly candidates: ArrayLike<number>;
  readonly target: number;
}

/** Renders one example; item indices are local to `domain`. */
export function makeExample(corpus: MultiDomainCorpus, domain: CorpusDomain, parts: ExampleParts, opts: InstructionTextOptions = {}): InstructionExample {
  const item = (local: number): CorpusItem | undefined => corpus.items[(domain.itemGlobal[local] ?? 0) - 1];
  const text = (local: number): string => {
    const it = item(local);
    if (!it) return '';
    return opts.itemText ? opts.itemText(it) : it.title ?? it.id;
  };
  const fields = {
    history: numbered(Array.from(parts.history, text)),
    candidates: numbered(Array.from(parts.candidates, text)),
    domain: domain.name,
    count: String(parts.candidates.length),
  };
  return {
    prompt: renderTemplate(opts.template ?? DEFAULT_INSTRUCTION_TEMPLATE, fields),
    completion: text(parts.target),
    domain: domain.name,
    userId: corpus.users[domain.userGlobal[parts.user] ?? -1]?.identity ?? '',
    targetItem: item(parts.target)?.id ?? '',
  };
}

function numbered(lines: readonly string[]): string {
  return lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
}
