/**
 * What a window's compute worker may do with files while it runs a recipe job: read inside the
 * run folder or the model folder the job references, write (chunked, atomic, checksummed) only
 * inside the run folder, and never the host's own files there (events.jsonl, .sha256 sidecars). Every path is confined (confinedPath.ts) before use; uploads left open
 * when the run ends or the window goes away are aborted, so they leave nothing behind.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { RecForgeError } from '../../core/errors';
import { beginAtomicUpload, type AtomicUpload } from '../../core/platform/atomicUpload';
import { nodeFilePort } from '../../core/platform/nodeFilePort';
import { decodeBase64, encodeBase64 } from '../../core/protocol/base64';
import { MAX_UPLOAD_BYTES, type FileReadReply, type FileReadRequest, type FileSizeReply, type FileWriteReply, type FileWriteRequest } from '../../core/protocol/computeFiles';
import { confinedPath } from './confinedPath';

export class RunFileAccess {
  private readonly uploads = new Map<string, AtomicUpload>();

  /** `runDir` is read-write; `readOnly` folders (the job's model folder) are read-only. */
  constructor(
    private readonly runDir: string,
    private readonly readOnly: readonly string[],
  ) {}

  async size(path: string): Promise<FileSizeReply> {
    const file = await confinedPath(path, [this.runDir, ...this.readOnly]);
    return { size: await nodeFilePort.fileSize(file) };
  }

  async read(req: FileReadRequest): Promise<FileReadReply> {
    const file = await confinedPath(req.path, [this.runDir, ...this.readOnly]);
    const bytes = await nodeFilePort.readBytes(file, req.offset, req.length).catch(() => {
      throw new RecForgeError('not_found', `${req.path} cannot be read`, { file: req.path, expected: 'a readable file' });
    });
    return { bytes: encodeBase64(bytes) };
  }

  async write(req: FileWriteRequest): Promise<FileWriteReply> {
    if (req.op === 'begin') {
      const upload = await beginAtomicUpload(this.writable(await confinedPath(req.path, [this.runDir])), MAX_UPLOAD_BYTES);
      const uploadId = randomUUID();
      this.uploads.set(uploadId, upload);
      return { uploadId };
    }
    const upload = this.upload(req.uploadId);
    if (req.op === 'append') await this.append(req.uploadId, upload, req.bytes);
    else {
      this.uploads.delete(req.uploadId);
      await (req.op === 'commit' ? upload.commit(req.size) : upload.abort());
    }
    return { uploadId: req.uploadId };
  }

  /** Aborts every open upload (the run ended or its window went away). */
  async close(): Promise<void> {
    const pending = [...this.uploads.values()];
    this.uploads.clear();
    await Promise.all(pending.map((u) => u.abort()));
  }

  /**
   * A recipe writes only its artifacts and its stage checkpoints (an allow-list, so the host's own
   * files — events.jsonl, training checkpoints, .sha256 sidecars — stay out of reach however the
   * file system folds case).
   */
  private writable(file: string): string {
    const [top, ...rest] = path.relative(this.runDir, file).split(path.sep);
    const sidecar = file.toLowerCase().endsWith('.sha256');
    const artifact = top === 'artifacts' && rest.length > 0;
    const stage = top === 'checkpoints' && rest.length === 2 && rest[0] === 'stages' && (rest[1] ?? '').endsWith('.safetensors');
    if (sidecar || !(artifact || stage)) {
      throw new RecForgeError('validation', `${file} is written by the host only`, { file: 'compute', field: 'path', expected: "a file under the run's artifacts/ folder or a checkpoints/stages/*.safetensors file (not a .sha256 sidecar)" });
    }
    return file;
  }

  private upload(uploadId: string): AtomicUpload {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) throw new RecForgeError('validation', `no open upload ${uploadId} for this run`, { file: 'compute', field: 'uploadId', expected: 'an id from compute.writeFile begin' });
    return upload;
  }

  /** A chunk that cannot be decoded or stored ends its upload: nothing half-written stays. */
  private async append(uploadId: string, upload: AtomicUpload, base64: string): Promise<void> {
    try {
      await upload.append(decodeBase64(base64, `a chunk of ${upload.target}`));
    } catch (err) {
      this.uploads.delete(uploadId);
      await upload.abort();
      throw err;
    }
  }
}
