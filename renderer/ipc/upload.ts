import type { ApiError, FileRef, UploadReply } from '../../core/protocol';
import type { ChosenFile } from '../lib/detectFormat';
import { ApiCallError } from './invoke';
import { accessToken, getBridge } from './transport';
import { isApiError } from './wire';

/** Bytes sent so far of one file being uploaded. */
export type UploadProgress = (file: string, sent: number, total: number) => void;

/** Name, Electron path and folder-relative path of each chosen File (for format and name detection). */
export function describeFiles(files: readonly File[]): ChosenFile[] {
  const pathFor = getBridge().pathForFile;
  return files.map((file) => ({
    name: file.name,
    relativePath: file.webkitRelativePath,
    ...(pathFor === undefined ? {} : { path: pathFor(file) }),
  }));
}

function uploadError(name: string, status: number, body: string): ApiError {
  try {
    const parsed: unknown = JSON.parse(body);
    const candidate = (parsed as { error?: unknown } | null)?.error ?? parsed;
    if (isApiError(candidate)) return candidate;
    if (typeof candidate === 'string' && candidate !== '') {
      return { code: 'import', message: `Upload of ${name} failed: ${candidate} (HTTP ${status})`, location: { file: name } };
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  const reason = status === 0 ? 'the host could not be reached' : `HTTP ${status}`;
  return { code: 'import', message: `Upload of ${name} failed: ${reason}`, location: { file: name } };
}

function parseReply(body: string): UploadReply | null {
  try {
    const parsed = JSON.parse(body) as { ok?: unknown; value?: unknown } & Partial<UploadReply>;
    const reply = parsed.ok === true ? (parsed.value as Partial<UploadReply>) : parsed;
    return typeof reply.uploadId === 'string' && typeof reply.name === 'string' ? (reply as UploadReply) : null;
  } catch {
    return null;
  }
}

/** POST /upload?token=…&name=… with the file's bytes (XHR, for upload progress). */
function uploadFile(file: File, onProgress: UploadProgress): Promise<UploadReply> {
  const token = accessToken();
  const query = `${token === null ? '' : `token=${encodeURIComponent(token)}&`}name=${encodeURIComponent(file.name)}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/upload?${query}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (ev) => onProgress(file.name, ev.loaded, ev.lengthComputable ? ev.total : file.size);
    xhr.onerror = () => reject(new ApiCallError(uploadError(file.name, 0, '')));
    xhr.onload = () => {
      const reply = xhr.status >= 200 && xhr.status < 300 ? parseReply(xhr.responseText) : null;
      if (reply !== null) resolve(reply);
      else reject(new ApiCallError(uploadError(file.name, xhr.status, xhr.responseText)));
    };
    xhr.send(file);
  });
}

/** Electron: real paths of the files (each granted to the window). Web: uploads each file to the host, one after another. */
export async function toFileRefs(files: readonly File[], onProgress: UploadProgress): Promise<FileRef[]> {
  const grantFile = getBridge().grantFile;
  if (grantFile !== undefined) {
    const refs: FileRef[] = [];
    for (const file of files) {
      const path = await grantFile(file);
      if (path === '') throw new ApiCallError({ code: 'import', message: `${file.name} is not a file on disk` });
      refs.push({ kind: 'path', path });
    }
    return refs;
  }
  const refs: FileRef[] = [];
  for (const file of files) {
    const reply = await uploadFile(file, onProgress);
    refs.push({ kind: 'upload', uploadId: reply.uploadId, name: reply.name });
  }
  return refs;
}
