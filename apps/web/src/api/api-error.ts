import { ErrorBody } from '@heyblue/contracts/shared';
import { fits } from './contract.ts';

/** The code used when there is no usable answer from the server (offline, timeout, not JSON). */
export const networkErrorCode = 'NETWORK_ERROR';

/** What the server sends on failure: `{ "error": { "code", "message", "requestId", "details"? } }` (declared in the contracts). */
export type { ErrorBody };

/** A failed API call: the HTTP status (0 when no response), the server's error code, request id and details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  /** Machine-readable extras some errors carry, e.g. `{ attemptsLeft: 3 }`. */
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; requestId?: string | undefined; details?: unknown }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

/** Whether a value is a thrown ApiError. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Reads the server's error envelope; undefined when the body does not have that shape. */
export function parseErrorBody(value: unknown): ErrorBody['error'] | undefined {
  return fits(ErrorBody, value) ? value.error : undefined;
}

/** Turns anything thrown by an API call into an ApiError (a non-ApiError becomes NETWORK_ERROR). */
export function toApiError(cause: unknown): ApiError {
  if (isApiError(cause)) return cause;
  return new ApiError({ status: 0, code: networkErrorCode, message: cause instanceof Error ? cause.message : String(cause) });
}
