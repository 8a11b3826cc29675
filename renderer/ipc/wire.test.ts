import { describe, expect, it } from 'vitest';
import { isApiError, parseWireMessage } from './wire';

describe('parseWireMessage', () => {
  it('accepts replies and known events', () => {
    expect(parseWireMessage('{"kind":"reply","id":3,"result":{"ok":true,"value":1}}')).toEqual({
      kind: 'reply',
      id: 3,
      result: { ok: true, value: 1 },
    });
    const failed = parseWireMessage('{"kind":"reply","id":4,"result":{"ok":false,"error":{"code":"busy","message":"m"}}}');
    expect(failed?.kind).toBe('reply');
    expect(parseWireMessage('{"kind":"event","event":"runs.onStatus","payload":{}}')?.kind).toBe('event');
  });
  it('rejects anything else', () => {
    for (const bad of ['nope', '{}', '[]', 'null', '{"kind":"event","event":7}', '{"kind":"reply","id":"1","result":{"ok":true,"value":1}}', '{"kind":"reply","id":1,"result":{"ok":false}}']) {
      expect(parseWireMessage(bad)).toBeNull();
    }
    expect(parseWireMessage(new ArrayBuffer(2))).toBeNull();
  });
  it('recognises ApiError shapes', () => {
    expect(isApiError({ code: 'import', message: 'x' })).toBe(true);
    expect(isApiError({ message: 'x' })).toBe(false);
  });
});
