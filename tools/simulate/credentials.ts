// A simulated person's tokens: access tokens live 15 minutes, so each is refreshed at a random moment in
// the second half of its life (spreading thousands of refreshes out), through POST /auth/refresh with the
// refresh cookie, which answers a new access token and rotates the cookie.
import { errorCode, type Api } from './api.ts';
import type { Session } from './sessions.ts';

const REFRESH_COOKIE = 'heyblue_refresh';

/** When an access token (a JWT) was issued and expires, in epoch ms. */
export function tokenTimes(token: string): { issuedAtMs: number; expiresAtMs: number } {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: number; exp?: number };
  return { issuedAtMs: (payload.iat ?? 0) * 1000, expiresAtMs: (payload.exp ?? 0) * 1000 };
}

/** When to refresh a token: somewhere between half and 85% of its life, and at once when less than 2 minutes remain. */
export function refreshDelayMs(token: string, nowMs: number, random: () => number): number {
  const { issuedAtMs, expiresAtMs } = tokenTimes(token);
  if (expiresAtMs - nowMs < 2 * 60_000) return 0;
  const life = expiresAtMs - issuedAtMs;
  return Math.max(0, issuedAtMs + life * (0.5 + 0.35 * random()) - nowMs);
}

/** One person's current tokens, kept fresh. */
export class Credentials {
  readonly #api: Api;
  readonly #caller: number;
  readonly #random: () => number;
  readonly #count: (name: string) => void;
  #session: Session;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  /** Whether the tokens changed since the sessions file was written. */
  refreshed = false;

  constructor(options: { session: Session; api: Api; caller: number; random: () => number; count: (name: string) => void }) {
    this.#session = options.session;
    this.#api = options.api;
    this.#caller = options.caller;
    this.#random = options.random;
    this.#count = options.count;
  }

  /** The session with the current tokens. */
  get session(): Session {
    return this.#session;
  }

  get accessToken(): string {
    return this.#session.accessToken;
  }

  /** Refreshes now if the access token is (nearly) expired, then keeps refreshing in the background. */
  async start(): Promise<void> {
    if (refreshDelayMs(this.accessToken, Date.now(), this.#random) === 0) await this.#refresh();
    this.#schedule(refreshDelayMs(this.accessToken, Date.now(), this.#random));
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** Refreshes at once (the server said the access token is no longer good); true when it worked. */
  async refreshNow(): Promise<boolean> {
    const ok = await this.#refresh();
    if (ok) this.#schedule(refreshDelayMs(this.accessToken, Date.now(), this.#random));
    return ok;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      void this.#refresh().then((ok) => this.#schedule(ok ? refreshDelayMs(this.accessToken, Date.now(), this.#random) : 5000 + this.#random() * 10_000));
    }, delayMs);
  }

  async #refresh(): Promise<boolean> {
    try {
      const answer = await this.#api.call('POST', '/auth/refresh', { caller: this.#caller, cookie: `${REFRESH_COOKIE}=${this.#session.refreshToken}` });
      const cookie = answer.cookies.map((c) => new RegExp(`^${REFRESH_COOKIE}=([^;]+)`).exec(c)?.[1]).find((v) => v !== undefined && v !== '');
      const accessToken = answer.body.accessToken;
      if (answer.status !== 200 || typeof accessToken !== 'string' || !cookie) {
        this.#count(`refresh.failed.${errorCode(answer)}`);
        return false;
      }
      this.#session = { ...this.#session, accessToken, refreshToken: decodeURIComponent(cookie) };
      this.refreshed = true;
      this.#count('refresh.ok');
      return true;
    } catch {
      this.#count('refresh.failed.NETWORK');
      return false;
    }
  }
}
