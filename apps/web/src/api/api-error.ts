import { isRecord } from './decode.ts';

/** The code used when there is no usable answer from the server (offline, timeout, not JSON). */
export const networkErrorCode = 'NETWORK_ERROR';

/** What the server sends on failure: `{ "error": { "code", "message", "requestId" } }`. */
export interface ErrorBody {
  error: { code: string; message: string; requestId?: string };
}

/** A failed API call: the HTTP status (0 when no response), the server's error code and request id. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: string; message: string; requestId?: string | undefined }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
  }
}

/** Whether a value is a thrown ApiError. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Reads the server's error envelope; undefined when the body does not have that shape. */
export function parseErrorBody(value: unknown): ErrorBody['error'] | undefined {
  if (!isRecord(value) || !isRecord(value['error'])) return undefined;
  const { code, message, requestId } = value['error'];
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return { code, message, ...(typeof requestId === 'string' ? { requestId } : {}) };
}
