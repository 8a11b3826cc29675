/**
 * RecCocktail's two instruction corpora (Hou et al., §3.1 base spirit, §3.2 ingredient, §4.1
 * datasets): the domain-GENERAL corpus from every non-target domain, with the overlap with the
 * target domain removed (overlap.ts), and the target-domain corpus built from the target split's
 * TRAIN sequences only — valid/test targets never become training examples, and items absent from
 * train (e.g. the cold items of the new-item split) never appear even as negatives.
 */
import type { LineageStep } from '../../protocol/dto';
import type { PackedSequences } from '../../protocol/worker';
import { rowCount, type InteractionColumns } from '../splits/columns';
import { packSequences, type SplitResult } from '../splits/types';
import { domainByName, type MultiDomainCorpus } from './corpus';
import type { InstructionExample } from './instructionText';
import { trainingExamples, type TrainingExampleOptions } from './instructions';
import { defaultOverlapPolicy, protectedIdentities, protectedLocalItems, removeOverlap, type OverlapPolicy } from './overlap';

/** Options of buildRecCocktailCorpora. */
export interface RecCocktailOptions extends TrainingExampleOptions {
  readonly overlap?: OverlapPolicy;
}

/** Both corpora, with what was removed and why. */
export interface RecCocktailCorpora {
  readonly general: readonly InstructionExample[];
  readonly target: readonly InstructionExample[];
  readonly protocol: {
    readonly kind: 'reccocktail-corpora';
    readonly targetDomain: string;
    readonly generalDomains: readonly string[];
    readonly overlap: OverlapPolicy;
    readonly protectedUsers: number;
    readonly protectedItems: number;
    readonly seed: number;
  };
  readonly lineage: readonly LineageStep[];
}

/** Builds the general and target instruction corpora; `targetSplit` is in the target's local indices. */
export function buildRecCocktailCorpora(corpus: MultiDomainCorpus, targetName: string, targetSplit: SplitResult, opts: RecCocktailOptions): RecCocktailCorpora {
  const target = domainByName(corpus, targetName);
  const policy = opts.overlap ?? defaultOverlapPolicy();
  const protect = protectedIdentities(corpus, target, targetSplit, policy);
  const lineage: LineageStep[] = [];
  const general: InstructionExample[] = [];
  for (const d of corpus.domains) {
    if (d.index === target.index) continue;
    const cleaned = removeOverlap(corpus, d, protect);
    lineage.push(cleaned.step);
    const neverCandidates = protectedLocalItems(corpus, d, protect);
    const examples = trainingExamples(corpus, d, sequencesByUser(cleaned.rows, d.source.users.length), { ...opts, neverCandidates });
    lineage.push(corpusStep('general-instructions', d.name, rowCount(cleaned.rows), examples.length));
    general.push(...examples);
  }
  // Negatives only from items seen in TRAIN: otherwise cold (new) test items would be shown to the
  // model as negatives in its own training prompts.
  const unseen = unseenItems(targetSplit);
  const targetExamples = trainingExamples(corpus, target, targetSplit.train, { ...opts, neverCandidates: unseen });
  lineage.push(corpusStep('target-instructions', target.name, targetSplit.train.values.length, targetExamples.length));
  return {
    general,
    target: targetExamples,
    protocol: {
      kind: 'reccocktail-corpora',
      targetDomain: target.name,
      generalDomains: corpus.domains.filter((d) => d.index !== target.index).map((d) => d.name),
      overlap: policy,
      protectedUsers: protect.users.size,
      protectedItems: protect.items.size,
      seed: opts.seed,
    },
    lineage,
  };
}

/** Per local user, the chronological local items of the rows. */
export function sequencesByUser(cols: InteractionColumns, numUsers: number): PackedSequences {
  const perUser: number[][] = Array.from({ length: numUsers }, () => []);
  for (let i = 0; i < rowCount(cols); i++) perUser[cols.userIdx[i] ?? 0]?.push(cols.itemIdx[i] ?? 0);
  return packSequences(perUser);
}

/** Items (1..numItems) that never occur in the split's train sequences. */
function unseenItems(split: SplitResult): number[] {
  const seen = new Uint8Array(split.numItems + 1);
  for (const it of split.train.values) seen[it] = 1;
  const out: number[] = [];
  for (let it = 1; it <= split.numItems; it++) if (seen[it] === 0) out.push(it);
  return out;
}

function corpusStep(step: string, domain: string, before: number, after: number): LineageStep {
  return { step, params: { domain, unit: 'interactions → examples' }, before, after };
}
