/**
 * RecBase's item-text encoder as a fitted model: TF-IDF vocabulary and IDF weights, the LSA basis
 * and the centring means. Fitting returns the model with the vectors of the fitted texts, and
 * `encodeTexts` gives any text a vector in the same space — so an exported run can give an item
 * that arrives later (a new product, a new domain's catalogue) codes from the exported quantiser.
 * Parameters are held as Float32 (what safetensors stores) and the fitted vectors are computed from
 * those rounded values, so a re-imported encoder reproduces them bit for bit.
 */
import { RecForgeError } from '../../errors';
import { decodeSafetensors, encodeSafetensors, type StoredTensor } from '../../tensor/safetensors';
import { lsaBasis, projectRows } from './lsa';
import { inverseDocumentFrequency, textFeatures, tfidfRowsOver } from './itemVectors';

/** A fitted text encoder. */
export interface TextEncoder {
  readonly features: readonly string[]; // TF-IDF columns, in order
  readonly idf: Float32Array; // [features]
  readonly dim: number;
  readonly basis: Float32Array; // [features × dim] LSA directions
  /** Centring: one mean per domain, or one mean ('') for every text. */
  readonly centring: 'domains' | 'all';
  readonly means: ReadonlyMap<string, Float32Array>; // [dim] each
}

/** Format tag of the exported file. */
export const TEXT_ENCODER_FORMAT = 'recforge-recbase-text-encoder-v1';

function columnsOf(enc: Pick<TextEncoder, 'features'>): Map<string, number> {
  return new Map(enc.features.map((f, j) => [f, j]));
}

/** Group key of each row: its domain when centring per domain, else ''. */
function groupsOf(enc: Pick<TextEncoder, 'centring'>, count: number, domains?: readonly string[]): string[] {
  if (enc.centring === 'all') return new Array<string>(count).fill('');
  if (domains === undefined || domains.length !== count) throw new RecForgeError('validation', `this encoder centres per domain: give one domain per text (${count} texts, ${domains?.length ?? 0} domains)`, { file: 'text-encoder', field: 'domains' });
  return [...domains];
}

/** Mean row of each group of `x` [rows × dim]. */
function groupMeans(x: Float64Array, dim: number, groups: readonly string[]): Map<string, Float32Array> {
  const sums = new Map<string, { sum: Float64Array; n: number }>();
  groups.forEach((g, r) => {
    const acc = sums.get(g) ?? { sum: new Float64Array(dim), n: 0 };
    for (let j = 0; j < dim; j++) acc.sum[j] = (acc.sum[j] ?? 0) + (x[r * dim + j] ?? 0);
    acc.n++;
    sums.set(g, acc);
  });
  return new Map([...sums].map(([g, { sum, n }]) => [g, Float32Array.from(sum, (v) => v / n)]));
}

/**
 * The means to centre on: the fitted ones, plus — for a domain the encoder never saw — the mean of
 * that domain's texts given now (its own catalogue). One text cannot be centred on itself.
 */
function meansFor(enc: TextEncoder, x: Float64Array, groups: readonly string[]): ReadonlyMap<string, Float32Array> {
  const unseen = groups.map((g, r) => (enc.means.has(g) ? -1 : r)).filter((r) => r >= 0);
  if (unseen.length === 0) return enc.means;
  const newGroups = unseen.map((r) => groups[r] ?? '');
  for (const g of new Set(newGroups)) {
    const n = newGroups.filter((h) => h === g).length;
    if (n < 2) throw new RecForgeError('validation', `domain '${g}' is new to this encoder: give at least 2 of its item texts so they can be centred on their own mean (got ${n})`, { file: 'text-encoder', field: 'domains', expected: `a domain of ${[...enc.means.keys()].join(', ')}, or ≥ 2 texts of a new one` });
  }
  const rows = Float64Array.from(unseen.flatMap((r) => Array.from(x.subarray(r * enc.dim, (r + 1) * enc.dim))));
  return new Map([...enc.means, ...groupMeans(rows, enc.dim, newGroups)]);
}

/** Content vectors [texts.length × dim] row-major: projected, centred, L2-normalised. */
export function encodeTexts(enc: TextEncoder, texts: readonly string[], domains?: readonly string[]): Float32Array {
  const groups = groupsOf(enc, texts.length, domains);
  const x = projectRows(tfidfRowsOver(texts.map(textFeatures), columnsOf(enc), enc.idf), enc.basis, enc.dim);
  const means = meansFor(enc, x, groups);
  const out = new Float32Array(texts.length * enc.dim);
  for (let r = 0; r < texts.length; r++) {
    const mean = means.get(groups[r] ?? '') as Float32Array;
    let norm = 0;
    for (let j = 0; j < enc.dim; j++) norm += ((x[r * enc.dim + j] ?? 0) - (mean[j] ?? 0)) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < enc.dim; j++) out[r * enc.dim + j] = ((x[r * enc.dim + j] ?? 0) - (mean[j] ?? 0)) * scale;
  }
  return out;
}

/**
 * Fits the encoder on `texts` (with `domains`: each domain centred on its own mean) and returns it
 * with their vectors — the same numbers encodeTexts gives for these texts later.
 */
export function fitTextEncoder(texts: readonly string[], dim: number, domains?: readonly string[]): { encoder: TextEncoder; vectors: Float32Array } {
  const docs = texts.map(textFeatures);
  const idf64 = inverseDocumentFrequency(docs);
  const features = [...idf64.keys()];
  const idf = Float32Array.from(features, (f) => idf64.get(f) ?? 1);
  const column = new Map(features.map((f, j) => [f, j]));
  const rows = tfidfRowsOver(docs, column, idf);
  const basis = Float32Array.from(lsaBasis(rows, dim));
  const centring = domains === undefined ? 'all' : 'domains';
  const groups = groupsOf({ centring }, texts.length, domains);
  const means = groupMeans(projectRows(rows, basis, dim), dim, groups);
  const encoder: TextEncoder = { features, idf, dim, basis, centring, means };
  return { encoder, vectors: encodeTexts(encoder, texts, domains) };
}

/** The encoder as safetensors bytes (idf, basis, means; vocabulary and domains in the metadata). */
export function encodeTextEncoder(enc: TextEncoder): Uint8Array {
  const groups = [...enc.means.keys()];
  const means = new Float32Array(groups.length * enc.dim);
  groups.forEach((g, i) => means.set(enc.means.get(g) as Float32Array, i * enc.dim));
  const tensors = new Map<string, StoredTensor>([
    ['idf', { dtype: 'F32', shape: [enc.features.length], data: enc.idf }],
    ['basis', { dtype: 'F32', shape: [enc.features.length, enc.dim], data: enc.basis }],
    ['means', { dtype: 'F32', shape: [groups.length, enc.dim], data: means }],
  ]);
  return encodeSafetensors(tensors, { format: TEXT_ENCODER_FORMAT, features: JSON.stringify(enc.features), groups: JSON.stringify(groups), centring: enc.centring });
}

function fail(field: string, message: string): RecForgeError {
  return new RecForgeError('validation', message, { file: 'text-encoder', field });
}

function stringList(meta: Readonly<Record<string, string>>, key: string): string[] {
  let v: unknown;
  try {
    v = JSON.parse(meta[key] ?? '');
  } catch {
    throw fail(key, `metadata '${key}' is not JSON`);
  }
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw fail(key, `metadata '${key}' is not a list of strings`);
  return v as string[];
}

function floatTensor(file: ReturnType<typeof decodeSafetensors>, name: string, shape: readonly number[]): Float32Array {
  const t = file.tensors.get(name);
  if (t === undefined) throw fail(name, `tensor '${name}' is missing`);
  if (!(t.data instanceof Float32Array) || t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) throw fail(name, `tensor '${name}' has shape [${t.shape.join(', ')}], expected float [${shape.join(', ')}]`);
  return t.data;
}

/** Reads bytes written by encodeTextEncoder; a wrong or inconsistent file is a located error. */
export function decodeTextEncoder(bytes: Uint8Array): TextEncoder {
  const file = decodeSafetensors(bytes);
  if (file.metadata['format'] !== TEXT_ENCODER_FORMAT) throw fail('format', `not a RecBase text encoder file (format ${file.metadata['format'] ?? 'missing'})`);
  const features = stringList(file.metadata, 'features');
  const groups = stringList(file.metadata, 'groups');
  const centring = file.metadata['centring'];
  if (centring !== 'domains' && centring !== 'all') throw fail('centring', `metadata 'centring' is ${centring ?? 'missing'}, expected domains or all`);
  const dim = file.tensors.get('basis')?.shape[1];
  if (dim === undefined) throw fail('basis', "tensor 'basis' is missing or not a matrix");
  const means = floatTensor(file, 'means', [groups.length, dim]);
  return {
    features,
    idf: floatTensor(file, 'idf', [features.length]),
    dim,
    basis: floatTensor(file, 'basis', [features.length, dim]),
    centring,
    means: new Map(groups.map((g, i) => [g, means.slice(i * dim, (i + 1) * dim)])),
  };
}

/** The vectors of `texts` from an encoder fitted on them (see fitTextEncoder). */
export function itemContentVectors(texts: readonly string[], dim: number, domains?: readonly string[]): Float32Array {
  return fitTextEncoder(texts, dim, domains).vectors;
}
