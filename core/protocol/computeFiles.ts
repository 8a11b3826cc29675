/**
 * File access of a window's compute worker running a recipe job (CPRec, RecCocktail): the byte
 * port of core/recipes/llm/filePort.ts as host invokes. Paths are the host's absolute paths from
 * the job (its run folder, the model folder it references); the host resolves and confines every
 * one. Reads come back in chunks, writes go up in chunks (begin → append… → commit, or abort) and
 * appear atomically with a .sha256 sidecar only on commit, so no frame carries a whole model.
 */
import { z } from 'zod';
import { base64TextSchema } from './base64';
import { idSchema } from './schemas';

/** Largest chunk of one compute.readFile answer or compute.writeFile append (bytes before base64). */
export const MAX_FILE_CHUNK_BYTES = 4 * 1024 * 1024;
/** Largest file a window may upload (a model folder's weights: a few hundred MB in practice). */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

const runId = idSchema;
const hostPath = z.string().min(1).max(4096);
const uploadId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'an upload id from begin');
const base64Chunk = base64TextSchema(MAX_FILE_CHUNK_BYTES);

/** compute.fileSize: a file's size, null when there is none (folders count as none). */
export const fileSizeRequestSchema = z.object({ runId, path: hostPath }).strict();

/** compute.readFile: `length` bytes from `offset` (fewer only at the end). */
export const fileReadRequestSchema = z
  .object({ runId, path: hostPath, offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), length: z.number().int().min(1).max(MAX_FILE_CHUNK_BYTES) })
  .strict();

/** compute.writeFile: one step of a chunked atomic upload. */
export const fileWriteRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('begin'), runId, path: hostPath }).strict(),
  z.object({ op: z.literal('append'), runId, uploadId, bytes: base64Chunk }).strict(),
  z.object({ op: z.literal('commit'), runId, uploadId, size: z.number().int().min(0).max(MAX_UPLOAD_BYTES) }).strict(),
  z.object({ op: z.literal('abort'), runId, uploadId }).strict(),
]);

export type FileSizeRequest = z.infer<typeof fileSizeRequestSchema>;
export type FileReadRequest = z.infer<typeof fileReadRequestSchema>;
export type FileWriteRequest = z.infer<typeof fileWriteRequestSchema>;

/** compute.fileSize's answer. */
export interface FileSizeReply {
  readonly size: number | null;
}
/** compute.readFile's answer: the chunk as padded base64. */
export interface FileReadReply {
  readonly bytes: string;
}
/** compute.writeFile's answer: the upload the step belongs to (begin creates it). */
export interface FileWriteReply {
  readonly uploadId: string;
}

/** A file call the compute worker asks its window to make, and the answer it gets back. */
export type ComputeFileCall =
  | { readonly channel: 'compute.fileSize'; readonly request: FileSizeRequest }
  | { readonly channel: 'compute.readFile'; readonly request: FileReadRequest }
  | { readonly channel: 'compute.writeFile'; readonly request: FileWriteRequest };
export type ComputeFileReply = FileSizeReply | FileReadReply | FileWriteReply;
