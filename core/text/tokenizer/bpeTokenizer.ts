/**
 * Our own encoder/decoder for a trained byte-level BPE model. It gives the same ids as loading the
 * written tokenizer.json with @huggingface/tokenizers (checked by roundTrip.test.ts) and is what the
 * trainer hands back, so training right after tokenizer training needs no file round trip.
 */
import { RecForgeError } from '../../errors';
import { applyMerges, mergeRanks } from './bpeMerges';
import { specialList } from './bpeModel';
import type { BpeModel } from './bpeModel';
import { byteLevelWords, fromByteChars } from './byteLevel';
import { splitOnSpecials } from './specialSplit';
import type { DecodeOptions, TextTokenizer } from './types';

const CACHE_LIMIT = 100_000; // words; cleared when full (titles repeat words a lot)

/** Id of every token string; RecForgeError('validation') on duplicates, which would make ids ambiguous. */
function tokenIds(vocab: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  vocab.forEach((t, i) => {
    if (ids.has(t)) throw new RecForgeError('validation', `BPE vocab lists token ${JSON.stringify(t)} twice`);
    ids.set(t, i);
  });
  return ids;
}

function idOf(ids: ReadonlyMap<string, number>, token: string): number {
  const id = ids.get(token);
  if (id === undefined) throw new RecForgeError('validation', `BPE merges produce ${JSON.stringify(token)}, which is not in the vocab`);
  return id;
}

/** Encodes words through merges, caching each distinct word. */
function wordEncoder(model: BpeModel, ids: ReadonlyMap<string, number>): (word: string) => readonly number[] {
  const ranks = mergeRanks(model.merges);
  const cache = new Map<string, number[]>();
  return (word) => {
    const hit = cache.get(word);
    if (hit) return hit;
    const out = applyMerges(word, ranks).map((t) => idOf(ids, t));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
    return out;
  };
}

function decodeIds(model: BpeModel, specialIds: ReadonlySet<number>, ids: readonly number[], opts: DecodeOptions): string {
  let text = '';
  let run = '';
  for (const id of ids) {
    const token = model.vocab[id];
    if (token === undefined || !Number.isInteger(id)) throw new RecForgeError('validation', `token id ${id} is outside the vocabulary (0..${model.vocab.length - 1})`);
    if (!specialIds.has(id)) {
      run += token;
      continue;
    }
    text += fromByteChars(run);
    run = '';
    if (opts.skipSpecial !== true) text += token;
  }
  return text + fromByteChars(run);
}

/** A TextTokenizer over a trained model. */
export function createBpeTokenizer(model: BpeModel): TextTokenizer {
  const ids = tokenIds(model.vocab);
  const specials = specialList(model.specials);
  const specialIds = new Set(specials.map((s) => idOf(ids, s)));
  const encodeWord = wordEncoder(model, ids);
  const bosId = idOf(ids, model.specials.bos);
  return {
    vocabSize: model.vocab.length,
    eosId: idOf(ids, model.specials.eos),
    padId: idOf(ids, model.specials.pad),
    ...(model.addBos ? { bosId } : {}),
    encode(text) {
      const out: number[] = [];
      for (const section of splitOnSpecials(text, specials)) {
        if ('special' in section) out.push(idOf(ids, specials[section.special] as string));
        else for (const word of byteLevelWords(section.text)) out.push(...encodeWord(word));
      }
      return out;
    },
    decode: (idList, opts = {}) => decodeIds(model, specialIds, idList, opts),
  };
}
