/** A FilePort over a Map, for tests of code that reads and writes through the byte port. */
import type { FilePort } from '../recipes/llm/filePort';

/** The port plus its files (path → bytes) for assertions. */
export interface MemoryFilePort extends FilePort {
  readonly files: Map<string, Uint8Array>;
}

/** An empty in-memory file system; writes copy the bytes, reads return copies. */
export function memoryFilePort(): MemoryFilePort {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    fileSize: async (path) => files.get(path)?.length ?? null,
    readBytes: async (path, offset, length) => {
      const bytes = files.get(path);
      if (bytes === undefined) throw new Error(`${path} does not exist`);
      return bytes.slice(offset, offset + length);
    },
    writeBytes: async (path, bytes) => {
      files.set(path, bytes.slice());
    },
    removeFile: async (path) => {
      files.delete(path);
    },
  };
}
