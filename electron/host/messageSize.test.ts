import { describe, expect, it } from 'vitest';
import { MAX_PLAIN_MESSAGE_BYTES, payloadBytesOver } from './messageSize';

describe('payload size of a structured clone', () => {
  it('passes what the studio sends and measures what is too big, wherever it hides', () => {
    expect(payloadBytesOver({ datasetId: 'demo', settings: { epochs: 3, tags: ['a', 'b'] } })).toBeNull();
    expect(payloadBytesOver({ deep: [{ x: 'y'.repeat(MAX_PLAIN_MESSAGE_BYTES) }] })).toBeGreaterThan(MAX_PLAIN_MESSAGE_BYTES);
    expect(payloadBytesOver({ bytes: new Uint8Array(MAX_PLAIN_MESSAGE_BYTES + 1) })).toBeGreaterThan(MAX_PLAIN_MESSAGE_BYTES);
    expect(payloadBytesOver({ many: Array.from({ length: 200_000 }, () => ({ k: 1 })) })).toBeGreaterThan(MAX_PLAIN_MESSAGE_BYTES);
    expect(payloadBytesOver({ [('k').repeat(MAX_PLAIN_MESSAGE_BYTES)]: 1 })).toBeGreaterThan(MAX_PLAIN_MESSAGE_BYTES);
  });

  it('stops counting once past the limit', () => {
    const huge = Array.from({ length: 1000 }, () => 'z'.repeat(10_000));
    expect(payloadBytesOver(huge, 50_000)).toBeLessThan(100_000);
  });
});
