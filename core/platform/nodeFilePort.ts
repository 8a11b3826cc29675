/**
 * The FilePort of the local disk: what the Node worker, the CLI, benches and tests run CPRec and
 * RecCocktail with (nodeRecipeFiles). Writes are atomic (temp file + fsync + rename, folders
 * created), as every workspace file write is.
 */
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FilePort } from '../recipes/llm/filePort';
import { writeFileAtomic } from './atomicWrite';

export const nodeFilePort: FilePort = {
  async fileSize(file) {
    const info = await stat(file).catch(() => null);
    return info?.isFile() === true ? info.size : null;
  },
  async readBytes(file, offset, length) {
    const fh = await open(file, 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await fh.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  },
  async writeBytes(file, bytes) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes);
  },
  async removeFile(file) {
    await rm(file, { force: true });
  },
};
