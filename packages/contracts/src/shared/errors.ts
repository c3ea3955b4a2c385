/** How an error code is presented at the edge: HTTP status and a stable, human message. */
export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

/** Declares a module's error codes; codes are namespaced by module (`REWARDS_INSUFFICIENT_BALANCE`). */
export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): T {
  return specs;
}
