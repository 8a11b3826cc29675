/**
 * GET /download?token=…&path=<file under the workspace's exports/> streams an exported file as an
 * attachment, so a browser user can save what datasets.export wrote. Nothing outside exports/.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join, normalize, sep } from 'node:path';
import { securityHeaders } from './staticFiles';

export async function handleDownload(workspaceDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const root = join(workspaceDir, 'exports');
  const relative = normalize(new URL(req.url ?? '/', 'http://localhost').searchParams.get('path') ?? '').replace(/^([/\\])+/, '');
  const file = join(root, relative);
  const info = relative === '' || !file.startsWith(root + sep) ? null : await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { ...securityHeaders(), 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(info.size),
    'Content-Disposition': `attachment; filename="${basename(file).replace(/"/g, '')}"`,
  });
  createReadStream(file).pipe(res);
}
