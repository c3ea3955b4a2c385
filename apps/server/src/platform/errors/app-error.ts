import type { ErrorSpec } from '@heyblue/contracts/shared';

export type { ErrorSpec };

/** A typed error raised by domain, application or platform code; the HTTP edge maps `code` to a status. */
export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(code: string, message?: string, details?: unknown) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export { defineErrors } from '@heyblue/contracts/shared';
