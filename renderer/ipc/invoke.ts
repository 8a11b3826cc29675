import type { ApiError, InvokeChannel, InvokeRequest, InvokeResponse } from '../../core/protocol';
import { getBridge } from './transport';
import { isApiError } from './wire';

/** A failed invoke: carries the host's ApiError (code, message and, for input problems, location). */
export class ApiCallError extends Error {
  readonly apiError: ApiError;

  constructor(apiError: ApiError) {
    super(apiError.message);
    this.name = 'ApiCallError';
    this.apiError = apiError;
  }
}

/** Any thrown value as an ApiError (transport failures become code 'internal'). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.apiError;
  if (isApiError(error)) return error;
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}

/** Calls the host and unwraps its ApiResult; rejects with ApiCallError. */
export async function invoke<C extends InvokeChannel>(channel: C, req: InvokeRequest<C>): Promise<InvokeResponse<C>> {
  let result;
  try {
    result = await getBridge().invoke(channel, req);
  } catch (error) {
    throw new ApiCallError(toApiError(error));
  }
  if (result.ok) return result.value;
  throw new ApiCallError(result.error);
}
