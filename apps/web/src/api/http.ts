import { ApiError, networkErrorCode, parseErrorBody } from './api-error.ts';

/** Turns the untyped JSON of a response into a typed value, throwing if it does not fit. */
export type Decoder<T> = (data: unknown) => T;

export interface RequestOptions<T> {
  /** Cancels the request; an aborted request rejects with the signal's reason, not an ApiError. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Gives up after this long (default 15 s) with a NETWORK_ERROR. */
  timeoutMs?: number;
  /** Checks the response body; without one the body is trusted to be T. */
  decode?: Decoder<T>;
}

/** The HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const defaultTimeoutMs = 15_000;

/** Trusts the server's contract: the one place a body becomes T unchecked. */
function trust<T>(data: unknown): T {
  return data as T;
}

function networkError(message: string, status = 0, requestId?: string | null): ApiError {
  return new ApiError({ status, code: networkErrorCode, message, requestId: requestId ?? undefined });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  return JSON.parse(text);
}

/** Sends a JSON (or FormData) request to the API and returns the decoded body, or throws an ApiError. */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions<T> = {},
): Promise<T> {
  const { signal, headers = {}, timeoutMs = defaultTimeoutMs, decode = trust } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  // A FormData body goes as multipart/form-data: the browser writes the content type with its boundary.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  const json = body !== undefined && !form;
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(json ? { 'Content-Type': 'application/json' } : {}), ...headers },
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    ...(form ? { body } : json ? { body: JSON.stringify(body) } : {}),
  };

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw networkError(timeout.aborted ? 'The request timed out.' : 'The server could not be reached.');
  }

  const requestId = response.headers.get('x-request-id');
  let data: unknown;
  try {
    data = await readJson(response);
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw networkError(`The server sent an unreadable response (HTTP ${response.status}).`, response.status, requestId);
  }

  if (!response.ok) {
    const error = parseErrorBody(data);
    if (!error) throw networkError(`The request failed (HTTP ${response.status}).`, response.status, requestId);
    throw new ApiError({ status: response.status, ...error, requestId: error.requestId ?? requestId ?? undefined });
  }
  try {
    return decode(data);
  } catch {
    throw networkError('The server sent a response this app does not understand.', response.status, requestId);
  }
}

/** GET a JSON resource. */
export function apiGet<T>(path: string, options?: RequestOptions<T>): Promise<T> {
  return apiRequest('GET', path, undefined, options);
}

/** POST a JSON body. */
export function apiPost<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T> {
  return apiRequest('POST', path, body, options);
}

/** PUT a JSON body. */
export function apiPut<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T> {
  return apiRequest('PUT', path, body, options);
}

/** PATCH with a JSON body. */
export function apiPatch<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T> {
  return apiRequest('PATCH', path, body, options);
}

/** DELETE a resource. */
export function apiDelete<T>(path: string, options?: RequestOptions<T>): Promise<T> {
  return apiRequest('DELETE', path, undefined, options);
}
