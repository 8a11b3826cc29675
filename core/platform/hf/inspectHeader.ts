/**
 * Reads only the header of a safetensors file, never the tensor data, so a multi-gigabyte
 * checkpoint can be inspected in milliseconds. The header is parsed by the reader recipe runs load
 * weights with (openSafetensors); on top of it, inspection checks what loading would trip over
 * later: dtypes the engine knows and byte ranges that match each shape.
 */
import path from 'node:path';
import { RecForgeError } from '../../errors';
import { openSafetensors } from '../../recipes/llm/portSafetensors';
import type { SafetensorsEntry } from '../../tensor/safetensors';
import { nodeFilePort } from '../nodeFilePort';

/** One tensor entry of a header. */
export interface HeaderTensor {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  /** Bytes of its data. */
  readonly bytes: number;
}

/** A safetensors header. */
export interface SafetensorsHeader {
  readonly file: string;
  readonly tensors: ReadonlyMap<string, HeaderTensor>;
}

/** Bytes per element of every safetensors dtype. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U64: 8, U32: 4, U16: 2, U8: 1, BOOL: 1, F8_E4M3: 1, F8_E5M2: 1 };

const bad = (file: string, why: string): RecForgeError => new RecForgeError('import', `${file}: ${why}`, { file, expected: 'a valid safetensors file' });

function checkedTensor(file: string, name: string, e: SafetensorsEntry): HeaderTensor {
  const width = DTYPE_BYTES[e.dtype];
  if (width === undefined) throw bad(file, `tensor ${name} has unknown dtype ${JSON.stringify(e.dtype)}`);
  const bytes = e.shape.reduce((a, b) => a * b, 1) * width;
  if (e.end - e.begin !== bytes) throw bad(file, `tensor ${name}: data_offsets [${e.begin}, ${e.end}] hold ${e.end - e.begin} bytes, its ${e.dtype} shape [${e.shape.join(', ')}] needs ${bytes}`);
  return { name, dtype: e.dtype, shape: e.shape, bytes };
}

/** Parses the header of `dir/file`; RecForgeError('import') located at `file` on anything malformed. */
export async function readSafetensorsHeader(dir: string, file: string): Promise<SafetensorsHeader> {
  const { entries } = await openSafetensors(nodeFilePort, path.join(dir, file));
  return { file, tensors: new Map([...entries].map(([name, e]) => [name, checkedTensor(file, name, e)])) };
}
