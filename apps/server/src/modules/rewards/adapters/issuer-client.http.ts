import { createHmac } from 'node:crypto';
import type { IssuerAnswer, IssuerClient, IssueRequest } from '../application/issuer-port.ts';

/**
 * Calls an issuer over HTTP: `POST <url>` with JSON `{ voucherId, offerId, points, validUntil }`, the
 * voucher id as `Idempotency-Key`, and `X-HeyBlue-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the offer's secret>`. A 2xx with `{ code }` issues; any other 4xx but 408/429 is a
 * refusal; a timeout, 408/429, 5xx or lost connection is "unavailable" and retried.
 */
export function httpIssuerClient(options: { timeoutMs: number }): IssuerClient {
  return {
    async issue(request: IssueRequest): Promise<IssuerAnswer> {
      const body = JSON.stringify({ voucherId: request.voucherId, offerId: request.offerId, points: request.points, validUntil: request.validUntil.toISOString() });
      const t = Math.floor(Date.now() / 1000);
      const signature = createHmac('sha256', request.secret).update(`${t}.${body}`).digest('hex');
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': request.voucherId, 'x-heyblue-signature': `t=${t},v1=${signature}` },
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        return { kind: 'unavailable', reason: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'request failed' };
      }
      const text = await response.text().catch(() => '');
      if (response.ok) {
        const code = codeIn(text);
        return code ? { kind: 'issued', code } : { kind: 'unavailable', reason: 'issuer answered without a code' };
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) return { kind: 'rejected', reason: `HTTP ${response.status}` };
      return { kind: 'unavailable', reason: `HTTP ${response.status}` };
    },
  };
}

function codeIn(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'code' in parsed && typeof parsed.code === 'string' && parsed.code.length > 0) return parsed.code;
  } catch {
    return null;
  }
  return null;
}
