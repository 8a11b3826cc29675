/**
 * A CPRec / RecCocktail RecipeJob to and from its JSON-safe wire form (interaction columns as
 * base64), for the window compute host: the host encodes the job it would post to the Node worker,
 * the window's Web Worker decodes it back into the same RecipeJob.
 */
import { decodeFloat64s, decodeInt32s, encodeFloat64s, encodeInt32s } from '../protocol/base64';
import type { WindowRecipe, WireRecipeJob, WireRecipeSource } from '../protocol/compute';
import type { RecipeJob } from '../protocol/worker';
import type { RecipeSource } from './runner';

function toWireSource(source: RecipeSource): WireRecipeSource {
  const { userIdx, itemIdx, ts, ord, rating } = source.rows;
  return {
    name: source.name,
    users: source.users,
    items: source.items,
    rows: { userIdx: encodeInt32s(userIdx), itemIdx: encodeInt32s(itemIdx), ts: encodeFloat64s(ts), ord: encodeInt32s(ord), ...(rating ? { rating: encodeFloat64s(rating) } : {}) },
    ...(source.userSpace !== undefined ? { userSpace: source.userSpace } : {}),
  };
}

function fromWireSource(wire: WireRecipeSource, where: string): RecipeSource {
  const { rows } = wire;
  const at = (field: string): string => `${where} source ${wire.name} rows.${field}`;
  return {
    name: wire.name,
    users: wire.users,
    items: wire.items,
    rows: {
      userIdx: decodeInt32s(rows.userIdx, at('userIdx')),
      itemIdx: decodeInt32s(rows.itemIdx, at('itemIdx')),
      ts: decodeFloat64s(rows.ts, at('ts')),
      ord: decodeInt32s(rows.ord, at('ord')),
      ...(rows.rating !== undefined ? { rating: decodeFloat64s(rows.rating, at('rating')) } : {}),
    },
    ...(wire.userSpace !== undefined ? { userSpace: wire.userSpace } : {}),
  };
}

/** The job as the host sends it in compute.onRequest (only for a recipe a window can run). */
export function toWireRecipeJob(job: RecipeJob, recipe: WindowRecipe): WireRecipeJob {
  return { runId: job.runId, recipe, settings: job.settings, sources: job.sources.map(toWireSource), model: job.model, runDir: job.runDir, resume: job.resume };
}

/** The RecipeJob back; a located 'validation' error on malformed columns. */
export function fromWireRecipeJob(wire: WireRecipeJob): RecipeJob {
  const where = `job ${wire.runId}`;
  return { ...wire, sources: wire.sources.map((s) => fromWireSource(s, where)) };
}
