import { ApiError, networkErrorCode, parseErrorBody } from '../../api/api-error.ts';
import { statementPath } from '../../api/rewards.ts';
import type { Session } from '../../api/session.ts';

type Authed = Pick<Session, 'accessToken' | 'refresh'>;

async function failure(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = parseErrorBody(body);
  if (error) return new ApiError({ status: response.status, ...error });
  return new ApiError({ status: response.status, code: networkErrorCode, message: `The statement could not be downloaded (HTTP ${response.status}).` });
}

/**
 * A month's statement as a CSV blob. It is not JSON, so it is fetched here rather than through the
 * JSON client: with the bearer token, refreshed once on a 401.
 */
export async function fetchStatement(session: Authed, month: string, signal?: AbortSignal): Promise<Blob> {
  const fetchWith = (token: string) => fetch(statementPath(month), { headers: { Accept: 'text/csv', Authorization: `Bearer ${token}` }, ...(signal ? { signal } : {}) });
  let response: Response;
  try {
    response = await fetchWith(session.accessToken() ?? (await session.refresh()));
    if (response.status === 401) response = await fetchWith(await session.refresh());
  } catch (cause) {
    if (cause instanceof ApiError || signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'The server could not be reached.' });
  }
  if (!response.ok) throw await failure(response);
  return response.blob();
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started; the object URL is no longer needed once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
