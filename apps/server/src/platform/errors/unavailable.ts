/** SQLSTATEs of a database server that cannot serve now: connection exceptions (class 08), shutting down, crashed or starting up (57P01–57P03), full (53300). */
const UNAVAILABLE_STATES = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
/** Socket errors of a connection that could not be made or was lost. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** What node-postgres says when the connection under a client went away (it gives these no code). */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)/;

/**
 * Whether an error says a service the server needs (its database above all) could not be reached —
 * down, restarting, connection lost — rather than that a request or statement was wrong. Such a
 * failure is transient: the request may be tried again (with the same idempotency key, which answers
 * the first outcome if the work did commit before the connection went).
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  // A server's own error carries a severity; a library's lookalike code does not.
  if (UNAVAILABLE_STATES.test(code) && 'severity' in error) return true;
  if (SOCKET_CODES.has(code) && 'syscall' in error) return true;
  return LOST_CONNECTION.test(error.message);
}
