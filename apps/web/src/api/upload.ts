import { ApiError, isApiError, networkErrorCode, parseErrorBody } from './api-error.ts';
import { bearer } from './auth.ts';
import type { Decoder } from './http.ts';

/** The part of XMLHttpRequest an upload uses (a fake stands in for it in unit tests). */
export type XhrLike = Pick<
  XMLHttpRequest,
  'status' | 'responseText' | 'timeout' | 'onload' | 'onerror' | 'ontimeout' | 'onabort' | 'open' | 'setRequestHeader' | 'getResponseHeader' | 'send' | 'abort'
> & { readonly upload: Pick<XMLHttpRequestUpload, 'onprogress' | 'onload'> };

export interface UploadOptions<T> {
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
  /** Bytes sent so far and the total, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
  /** Every byte is sent; the server is now working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
  /** Gives up after this long (default 5 minutes) with a NETWORK_ERROR. */
  timeoutMs?: number;
  decode?: Decoder<T>;
  /** Makes the request object; defaults to the browser's XMLHttpRequest. */
  createXhr?: () => XhrLike;
}

function trust<T>(data: unknown): T {
  return data as T;
}

function networkError(message: string, status = 0, requestId?: string | null): ApiError {
  return new ApiError({ status, code: networkErrorCode, message, requestId: requestId ?? undefined });
}

/**
 * Sends a body (a file, usually) with XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves with the decoded JSON answer, rejects with an ApiError like `apiRequest` (or the signal's
 * reason when aborted).
 */
export function uploadWithProgress<T>(path: string, body: Blob | string, options: UploadOptions<T> = {}): Promise<T> {
  const { method = 'POST', headers = {}, onProgress, onUploaded, signal, timeoutMs = 300_000, decode = trust, createXhr } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr: XhrLike = createXhr ? createXhr() : new XMLHttpRequest();
    const onAbortSignal = () => xhr.abort();
    signal?.addEventListener('abort', onAbortSignal, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbortSignal);

    xhr.open(method, path);
    xhr.timeout = timeoutMs;
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : typeof body === 'string' ? body.length : body.size;
      onProgress?.(event.loaded, total);
    };
    xhr.upload.onload = () => onUploaded?.();
    xhr.onerror = () => {
      done();
      reject(networkError('The server could not be reached.'));
    };
    xhr.ontimeout = () => {
      done();
      reject(networkError('The request timed out.'));
    };
    xhr.onabort = () => {
      done();
      reject(signal?.aborted ? signal.reason : networkError('The upload was cancelled.'));
    };
    xhr.onload = () => {
      done();
      const requestId = xhr.getResponseHeader('x-request-id');
      let data: unknown;
      try {
        data = xhr.responseText === '' ? undefined : JSON.parse(xhr.responseText);
      } catch {
        reject(networkError(`The server sent an unreadable response (HTTP ${xhr.status}).`, xhr.status, requestId));
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = parseErrorBody(data);
        reject(
          error
            ? new ApiError({ status: xhr.status, ...error, requestId: error.requestId ?? requestId ?? undefined })
            : networkError(`The request failed (HTTP ${xhr.status}).`, xhr.status, requestId),
        );
        return;
      }
      try {
        resolve(decode(data));
      } catch {
        reject(networkError('The server sent a response this app does not understand.', xhr.status, requestId));
      }
    };
    xhr.send(body);
  });
}

/** What an authed upload needs of the session: the current token, and a fresh one on demand. */
export interface TokenSource {
  accessToken(): string | undefined;
  refresh(): Promise<string>;
}

/** `uploadWithProgress` with the session's bearer token; on a 401 it refreshes once and sends again. */
export async function authedUpload<T>(tokens: TokenSource, path: string, body: Blob | string, options: UploadOptions<T> = {}): Promise<T> {
  const first = tokens.accessToken() ?? (await tokens.refresh());
  const send = (token: string) => uploadWithProgress(path, body, { ...options, headers: { ...options.headers, ...bearer(token) } });
  try {
    return await send(first);
  } catch (error) {
    if (!isApiError(error) || error.status !== 401) throw error;
    return send(await tokens.refresh());
  }
}
