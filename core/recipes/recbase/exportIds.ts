/**
 * Export and re-import of a tokenizer. IDs can change with hardware or checkpoint (see
 * RQ-VAE-Recommender's known limitations), so the ID table itself is the artefact to archive:
 * plain rows item → codes. The quantiser (encoder, codebooks, decoder) goes out as safetensors,
 * and so does the text encoder in front of it (textEncoder.ts): re-imported, the two reproduce
 * the exported IDs exactly from the items' texts, and give an item that arrives later its codes —
 * with the next free disambiguation index of the table (idsOfNewItems).
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { decodeSafetensors, encodeSafetensors } from '../../tensor/safetensors';
import type { StoredTensor } from '../../tensor/safetensors';
import type { SemanticIds } from './semanticIds';
import { assignVectors } from './assign';

/** What a run exports: the ID table, the CL-VAE quantiser and the text encoder (safetensors bytes). */
export interface RecBaseExport {
  readonly idTable: SemanticIdRow[];
  readonly quantiser: Uint8Array;
  readonly textEncoder: Uint8Array;
}

/** One row of the ID table: the item's namespaced id and its codes (levels + 1 entries). */
export interface SemanticIdRow {
  readonly item: string;
  readonly codes: readonly number[];
}

/** Format tag written into the safetensors metadata. */
export const QUANTISER_FORMAT = 'recforge-recbase-quantiser-v1';

/** The ID table of `ids`; row i belongs to itemIds[i]. */
export function semanticIdTable(itemIds: readonly string[], ids: SemanticIds): SemanticIdRow[] {
  const w = ids.levels + 1;
  return itemIds.map((item, i) => ({ item, codes: Array.from(ids.ids.subarray(i * w, (i + 1) * w)) }));
}

/** Rebuilds SemanticIds for `itemIds` (in that order) from a table; throws on a missing item. */
export function semanticIdsFromTable(rows: readonly SemanticIdRow[], itemIds: readonly string[], codes: number): SemanticIds {
  const byItem = new Map(rows.map((r) => [r.item, r.codes]));
  const width = rows[0]?.codes.length ?? 1;
  const ids = new Int32Array(itemIds.length * width);
  itemIds.forEach((item, i) => {
    const c = byItem.get(item);
    if (c === undefined || c.length !== width) throw new RecForgeError('validation', `ID table has no ${width}-code row for item ${item}`, { file: 'semantic-ids', field: 'item' });
    ids.set(c, i * width);
  });
  let disambiguation = 1;
  for (let i = 0; i < itemIds.length; i++) disambiguation = Math.max(disambiguation, (ids[i * width + width - 1] ?? 0) + 1);
  return { items: itemIds.length, levels: width - 1, codes, disambiguation, ids };
}

/** The quantiser's tensors as safetensors bytes (F32, shapes as stored). */
export function encodeQuantiser(params: ReadonlyMap<string, tf.Tensor>, meta: { readonly levels: number; readonly codes: number }): Uint8Array {
  const tensors = new Map<string, StoredTensor>([...params].map(([name, t]) => [name, { dtype: 'F32', shape: t.shape, data: Float32Array.from(t.dataSync()) }]));
  return encodeSafetensors(tensors, { format: QUANTISER_FORMAT, levels: String(meta.levels), codes: String(meta.codes) });
}

/** Tensors (caller disposes) and shape metadata of encoded quantiser bytes. */
export function decodeQuantiser(bytes: Uint8Array): { params: Map<string, tf.Tensor>; levels: number; codes: number } {
  const file = decodeSafetensors(bytes);
  if (file.metadata['format'] !== QUANTISER_FORMAT) throw new RecForgeError('validation', `not a RecBase quantiser file (format ${file.metadata['format'] ?? 'missing'})`);
  const params = new Map<string, tf.Tensor>([...file.tensors].map(([name, t]) => [name, tf.tensor(t.data, [...t.shape], 'float32')]));
  return { params, levels: Number(file.metadata['levels']), codes: Number(file.metadata['codes']) };
}

/**
 * IDs for items that are not in `table`: their codes from the quantiser `params` given their
 * content vectors [items × dim], then as disambiguation the next index not yet taken by the
 * table's rows (or earlier new items) with the same codes — so every ID stays unique.
 */
export function idsOfNewItems(params: ReadonlyMap<string, tf.Tensor>, vectors: Float32Array, dim: number, table: readonly SemanticIdRow[]): number[][] {
  const a = assignVectors(params, vectors, dim);
  const taken = new Map<string, number>();
  for (const r of table) {
    const key = r.codes.slice(0, a.levels).join();
    taken.set(key, Math.max(taken.get(key) ?? 0, (r.codes[a.levels] ?? 0) + 1));
  }
  return Array.from({ length: a.items }, (_, i) => {
    const codes = Array.from(a.codes.subarray(i * a.levels, (i + 1) * a.levels));
    const next = taken.get(codes.join()) ?? 0;
    taken.set(codes.join(), next + 1);
    return [...codes, next];
  });
}
