import type { ErrorCode } from '@heyblue/contracts/all';
import type { ErrorSpec } from '@heyblue/contracts/shared';

export type { ErrorSpec };

/** A typed error raised by domain, application or platform code; the HTTP edge maps `code` to a status. Only a declared code compiles. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export { defineErrors } from '@heyblue/contracts/shared';
export { isErrorCode, type ErrorCode } from '@heyblue/contracts/all';
