/**
 * POST /upload?token=…&name=… streams a dropped file into the workspace's uploads folder.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { UploadReply } from '../../core/protocol/bridge';
import { pruneStaleUploads, removeUploads, stagedUploadPath } from '../host/uploads';
import { securityHeaders } from './staticFiles';

/** Largest accepted upload; bigger logs should be opened by path (Electron drop or CLI). */
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export async function handleUpload(workspaceDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const name = url.searchParams.get('name') ?? '';
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!name || name.length > 255 || declared > MAX_UPLOAD_BYTES) return reply(res, 400, { error: 'bad upload' });
  await pruneStaleUploads(workspaceDir);
  const uploadId = `up_${randomBytes(8).toString('hex')}`;
  const path = await stagedUploadPath(workspaceDir, uploadId, name);
  let bytes = 0;
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_UPLOAD_BYTES) req.destroy(new Error('upload too large'));
  });
  try {
    await pipeline(req, createWriteStream(path));
  } catch {
    // An aborted or oversized upload leaves nothing behind.
    await removeUploads(workspaceDir, [{ kind: 'upload', uploadId, name }]);
    if (!res.destroyed) reply(res, 400, { error: 'upload interrupted or too large' });
    return;
  }
  const body: UploadReply = { uploadId, name: basename(path), bytes };
  reply(res, 200, body);
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
