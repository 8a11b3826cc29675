import type { ApiError, ApiResult, WireMessage } from '../../core/protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** An ApiError-shaped object (code + message strings). */
export function isApiError(value: unknown): value is ApiError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (!isRecord(value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && isApiError(value.error);
}

/** Parses one text frame from the host; null for anything that is not a WireMessage. */
export function parseWireMessage(data: unknown): WireMessage | null {
  if (typeof data !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  if (message.kind === 'reply' && typeof message.id === 'number' && isApiResult(message.result)) {
    return { kind: 'reply', id: message.id, result: message.result };
  }
  // Events are dispatched only to listeners registered for contract channels, so unknown names fall through.
  if (message.kind === 'event' && typeof message.event === 'string') return message as WireMessage;
  return null;
}

/** The ApiResult a call resolves to when the connection drops before its reply arrives. */
export const CONNECTION_LOST: ApiResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Connection to the RecForge host was lost before it answered.' },
};
