/** How an error code is presented at the edge: HTTP status and a stable, human message. */
export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

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

/** Declares a module's error codes; codes are namespaced by module (`REWARDS_INSUFFICIENT_BALANCE`). */
export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): T {
  return specs;
}
