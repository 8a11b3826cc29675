/**
 * The __metadata__ of a safetensors checkpoint, read from its header alone (8-byte length + JSON),
 * without decoding tensors: enough to see a checkpoint's step and data position, or whether it
 * carries its own payload hash.
 */

/** Metadata strings of `bytes`, or null when the bytes are not a readable safetensors header. */
export function checkpointMetadata(bytes: Uint8Array): Record<string, string> | null {
  if (bytes.length < 8) return null;
  const length = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (length > bytes.length - 8) return null;
  try {
    const header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length))) as { __metadata__?: Record<string, string> };
    return header.__metadata__ ?? {};
  } catch {
    return null;
  }
}
