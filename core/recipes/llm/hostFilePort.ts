/**
 * A FilePort whose bytes live on the host, reached through the compute.* file calls: what a
 * window's WebGPU worker runs CPRec / RecCocktail with. The transport is injected (the worker
 * relays through its window; tests call the host's dispatch). Reads are chunked to
 * MAX_FILE_CHUNK_BYTES; writes go up in such chunks and appear atomically on commit, and a failed
 * upload is aborted so the host keeps nothing of it.
 */
import { RecForgeError } from '../../errors';
import { decodeBase64, encodeBase64 } from '../../protocol/base64';
import { MAX_FILE_CHUNK_BYTES, type ComputeFileCall, type ComputeFileReply, type FileWriteRequest } from '../../protocol/computeFiles';
import type { FilePort } from './filePort';

/** Makes one compute.* file call on the host and returns its answer (host errors reject). */
export type HostFileCall = (call: ComputeFileCall) => Promise<ComputeFileReply>;

type ReplyKey = 'size' | 'bytes' | 'uploadId';
type ReplyField<K extends ReplyKey> = Extract<ComputeFileReply, Record<K, unknown>>[K];

function field<K extends ReplyKey>(reply: ComputeFileReply, key: K, channel: string): ReplyField<K> {
  if (!(key in reply)) throw new RecForgeError('internal', `${channel}: the host's answer has no ${key}`);
  return (reply as Extract<ComputeFileReply, Record<K, unknown>>)[key];
}

async function upload(callHost: HostFileCall, runId: string, path: string, bytes: Uint8Array): Promise<void> {
  const step = async (request: FileWriteRequest): Promise<string> => field(await callHost({ channel: 'compute.writeFile', request }), 'uploadId', 'compute.writeFile');
  const uploadId = await step({ op: 'begin', runId, path });
  try {
    for (let offset = 0; offset < bytes.length; offset += MAX_FILE_CHUNK_BYTES) {
      await step({ op: 'append', runId, uploadId, bytes: encodeBase64(bytes.subarray(offset, offset + MAX_FILE_CHUNK_BYTES)) });
    }
    await step({ op: 'commit', runId, uploadId, size: bytes.length });
  } catch (err) {
    await step({ op: 'abort', runId, uploadId }).catch(() => undefined); // the host may have dropped it already
    throw err;
  }
}

/** The port of run `runId`; paths are the host's, as the job names them. */
export function hostFilePort(runId: string, callHost: HostFileCall): FilePort {
  return {
    fileSize: async (path) => field(await callHost({ channel: 'compute.fileSize', request: { runId, path } }), 'size', 'compute.fileSize'),
    readBytes: async (path, offset, length) => {
      const reply = await callHost({ channel: 'compute.readFile', request: { runId, path, offset, length: Math.min(length, MAX_FILE_CHUNK_BYTES) } });
      return decodeBase64(field(reply, 'bytes', 'compute.readFile'), path);
    },
    writeBytes: (path, bytes) => upload(callHost, runId, path, bytes),
  };
}
