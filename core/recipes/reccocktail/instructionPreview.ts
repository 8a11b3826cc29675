/**
 * The new-run form's live preview of RecCocktail's instruction template: one real example of the
 * dataset's target domain — the first user with at least two behaviours there, their last
 * `maxHistory` behaviours before the last one as history, the last one as the answer, and the
 * answer among `negatives` other items of the domain — rendered with the template and item text
 * the run would use (makeExample, the function that builds the training corpora). Template
 * mistakes come back located instead of thrown, so the form can show them while the user types.
 */
import { buildCorpus, domainByName } from '../../data/multidomain/corpus';
import { makeExample } from '../../data/multidomain/instructionText';
import { validateTemplate } from '../../data/text/template';
import type { InstructionPreview } from '../../protocol/recipes';
import { createRng, shuffleInPlace } from '../../train/rng';
import { targetDomainOf } from '../llm/targetDomain';
import type { RecipeSource } from '../runner';
import { itemTextOf } from './prepare';
import type { RecCocktailSettings } from './settings';

/** The fields a RecCocktail instruction template may use. */
export const INSTRUCTION_FIELDS = ['history', 'candidates', 'domain', 'count'] as const;

/** The settings the preview reads. */
export type InstructionPreviewSettings = Pick<RecCocktailSettings, 'template' | 'itemText' | 'targetDomain' | 'maxHistory' | 'negatives'>;

/** The first user of `rows` with ≥ 2 behaviours and their local item indices (1-based), oldest first. */
function firstSequence(userIdx: Int32Array, itemIdx: Int32Array): { user: number; items: number[] } {
  let start = 0;
  for (let i = 1; i <= userIdx.length; i++) {
    if (i < userIdx.length && userIdx[i] === userIdx[start]) continue;
    if (i - start >= 2) return { user: userIdx[start] ?? 0, items: Array.from(itemIdx.subarray(start, i)) };
    start = i;
  }
  return { user: 0, items: [] };
}

/** One rendered example (or the template's errors) for the form. */
export function instructionPreview(sources: readonly RecipeSource[], s: InstructionPreviewSettings): InstructionPreview {
  const errors = s.template === '' ? [] : validateTemplate(s.template, INSTRUCTION_FIELDS);
  const name = targetDomainOf(sources, s.targetDomain);
  if (errors.length > 0) return { domain: name, prompt: '', completion: '', errors, fields: [...INSTRUCTION_FIELDS] };
  const corpus = buildCorpus(sources);
  const domain = domainByName(corpus, name);
  const { user, items: seq } = firstSequence(domain.source.rows.userIdx, domain.source.rows.itemIdx);
  const target = seq[seq.length - 1] ?? 1;
  const history = seq.slice(Math.max(0, seq.length - 1 - s.maxHistory), -1);
  const others = Array.from({ length: domain.source.items.length }, (_, i) => i + 1).filter((it) => it !== target && !history.includes(it));
  const candidates = [target, ...others.slice(0, s.negatives)];
  shuffleInPlace(candidates, createRng(0));
  const template = s.template === '' ? {} : { template: s.template };
  const ex = makeExample(corpus, domain, { user, history, candidates, target }, { ...template, itemText: itemTextOf(s.itemText) });
  return { domain: name, prompt: ex.prompt, completion: ex.completion, errors: [], fields: [...INSTRUCTION_FIELDS] };
}
