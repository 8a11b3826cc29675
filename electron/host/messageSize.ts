/**
 * One size rule for both transports: what the studio sends is small JSON, except a window
 * compute host's channels (checkpoint and file bytes). Anything bigger is refused before it is
 * validated or handled, so junk cannot hold the host.
 */
import { RecForgeError } from '../../core/errors';

export const MAX_PLAIN_MESSAGE_BYTES = 1024 * 1024;

/** Channels that carry bulk bytes and are exempt from the limit. */
export function isBulkChannel(channel: string): boolean {
  return channel.startsWith('compute.');
}

export function messageTooLarge(bytes: number): RecForgeError {
  return new RecForgeError('validation', `message of ${bytes} bytes is too large (at most ${MAX_PLAIN_MESSAGE_BYTES} except for compute channels)`);
}

/**
 * Approximate serialized size of a structured-clone payload (Electron IPC has no frame to
 * measure), counting until `limit` is passed: a walk that stops early, never a full copy.
 */
export function payloadBytesOver(payload: unknown, limit = MAX_PLAIN_MESSAGE_BYTES): number | null {
  let bytes = 0;
  const stack: unknown[] = [payload];
  while (stack.length > 0 && bytes <= limit) {
    const value = stack.pop();
    if (typeof value === 'string') bytes += value.length + 2;
    else if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (value instanceof ArrayBuffer) bytes += value.byteLength;
    else if (Array.isArray(value)) {
      bytes += 2 + value.length;
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        bytes += key.length + 4;
        stack.push(item);
      }
    } else bytes += 8;
  }
  return bytes > limit ? bytes : null;
}
