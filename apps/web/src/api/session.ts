import { isApiError, toApiError } from './api-error.ts';
import type { ApiError } from './api-error.ts';
import { decodeAccount, endSession, refreshTokens, bearer } from './auth.ts';
import type { AccessTokens, Account } from './auth.ts';
import { backoffDelay } from './backoff.ts';
import { apiGet, apiPost, apiRequest } from './http.ts';
import type { Method, RequestOptions } from './http.ts';

/** Where the session is: finding out (from the refresh cookie), signed out, or signed in. */
export type SessionStatus = 'restoring' | 'signed-out' | 'signed-in';

/** What the UI sees of the session. `account` is set exactly when signed in. */
export interface SessionState {
  readonly status: SessionStatus;
  readonly account: Account | undefined;
  /** Why the last restore could not tell (offline, server down); undefined when it could. */
  readonly restoreError: ApiError | undefined;
}

/** The part of a BroadcastChannel the session uses to keep tabs in step. */
export interface BroadcastLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/**
 * Remembers whether this browser may hold a refresh cookie (the cookie itself is httpOnly, so the
 * app cannot see it). It is only a hint, never the token: it spares people who never signed in a
 * refused refresh on every visit. `get` answers true when it cannot tell.
 */
export interface SessionHint {
  get(): boolean;
  set(present: boolean): void;
}

export interface SessionOptions {
  /** Refresh the access token this long before it expires (default 60 s, at most half its life). */
  refreshLeadMs?: number;
  /** The clock, in epoch milliseconds; injectable for tests. */
  now?: () => number;
  /** Timers; injectable for tests. */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /**
   * Runs a refresh while holding a lock shared by every tab of the app, so two tabs never present
   * the same refresh cookie (the server would take the second for a stolen copy and end the session).
   * Default: the Web Locks API when the browser has it.
   */
  withLock?: <T>(run: () => Promise<T>) => Promise<T>;
  /** Tells other tabs about sign-in and sign-out. Default: a BroadcastChannel when available; null for none. */
  broadcast?: BroadcastLike | null;
  /** Whether a session may exist. Default: a flag in localStorage; null to always ask the server. */
  hint?: SessionHint | null;
}

/** Options of an authenticated call: those of apiGet/apiPost. */
export type AuthedOptions<T> = RequestOptions<T>;

/** The signed-in person's session: access token in memory, refresh cookie on the server's side. */
export interface Session {
  getState(): SessionState;
  /** Calls the listener after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The current access token (for the websocket), if any. */
  accessToken(): string | undefined;
  /** Restores a session from the refresh cookie; resolves (never rejects) once the status is known. */
  restore(): Promise<void>;
  /** Takes the tokens of a verified code, loads the account and becomes signed in. */
  signIn(tokens: AccessTokens): Promise<Account>;
  /** A new access token from the refresh cookie; concurrent calls share one request. */
  refresh(): Promise<string>;
  /** GET with the bearer token; on a 401, refreshes once and retries. */
  get<T>(path: string, options?: AuthedOptions<T>): Promise<T>;
  /** POST with the bearer token; on a 401, refreshes once and retries. */
  post<T>(path: string, body?: unknown, options?: AuthedOptions<T>): Promise<T>;
  /** Any method (PUT, PATCH, DELETE…) with the bearer token; a FormData body goes as multipart. Retries like `get`. */
  send<T>(method: Method, path: string, body?: unknown, options?: AuthedOptions<T>): Promise<T>;
  /** Loads the account again (after a change such as a verified phone) and updates the state. */
  reloadAccount(): Promise<Account>;
  /** Ends this device's session. Rejects (and stays signed in) when the server cannot be reached. */
  signOut(): Promise<void>;
  /** Ends every session of the account, on every device. */
  signOutEverywhere(): Promise<void>;
  /** Stops timers and the tab channel. */
  dispose(): void;
}

const lockName = 'heyblue.session.refresh';
const channelName = 'heyblue.session';
const hintKey = 'heyblue.session.present';
const signedOutState: SessionState = { status: 'signed-out', account: undefined, restoreError: undefined };

async function defaultLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return run();
  // The lock is held until run's promise settles; request resolves with its result.
  return await locks.request(lockName, run);
}

/** The hint in localStorage; without storage (private mode, blocked) it always says "maybe". */
export const localStorageHint: SessionHint = {
  get() {
    try {
      const storage = globalThis.localStorage;
      return storage ? storage.getItem(hintKey) === '1' : true;
    } catch {
      return true;
    }
  },
  set(present) {
    try {
      if (present) globalThis.localStorage?.setItem(hintKey, '1');
      else globalThis.localStorage?.removeItem(hintKey);
    } catch {
      // Without storage every start asks the server, which is correct, only slower.
    }
  },
};

function defaultBroadcast(): BroadcastLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);
}

/** A 401 from the refresh or from the API: this session is over and only a new sign-in helps. */
function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** The server could not answer (offline, timeout, 5xx): nothing is known about the session. */
function isTransient(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status >= 500 || error.status === 429;
}

/** Creates the app's session. Its status is `restoring` until `restore()` (or `signIn`) settles it. */
export function createSession(options: SessionOptions = {}): Session {
  const {
    refreshLeadMs = 60_000,
    now = Date.now,
    setTimer = (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
    clearTimer = (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    withLock = defaultLock,
  } = options;
  const broadcast = options.broadcast === undefined ? defaultBroadcast() : options.broadcast;
  const hint = options.hint === undefined ? localStorageHint : options.hint;

  let state: SessionState = { status: 'restoring', account: undefined, restoreError: undefined };
  const listeners = new Set<() => void>();
  let token: { value: string; expiresAt: number } | undefined;
  /** Bumped whenever the session starts or ends, so late answers for an older one are dropped. */
  let epoch = 0;
  let inflightRefresh: Promise<string> | undefined;
  let inflightRestore: Promise<void> | undefined;
  let timer: unknown;
  let retryAttempt = 0;

  function setState(next: SessionState) {
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function cancelTimer() {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  }

  function schedule(ms: number) {
    cancelTimer();
    timer = setTimer(() => {
      timer = undefined;
      void refresh().then(
        () => {
          retryAttempt = 0;
        },
        (error: unknown) => {
          // Offline or the server is down: try again with backoff while the session lasts.
          if (token && isTransient(error)) schedule(backoffDelay(retryAttempt++, { baseMs: 5_000, maxMs: 300_000 }));
        },
      );
    }, ms);
  }

  function keepToken(tokens: AccessTokens) {
    const lifeMs = Math.max(0, tokens.expiresIn * 1000);
    token = { value: tokens.accessToken, expiresAt: now() + lifeMs };
    hint?.set(true);
    schedule(Math.max(0, lifeMs - Math.min(refreshLeadMs, lifeMs / 2)));
  }

  /**
   * Forgets the session on this device (the server side is the caller's business). `tell` informs
   * the other tabs; `forget` also drops the hint that a session may exist.
   */
  function endLocally(tell = true, forget = true) {
    epoch += 1;
    token = undefined;
    retryAttempt = 0;
    cancelTimer();
    if (forget) hint?.set(false);
    if (state.status !== 'signed-out' || state.account || state.restoreError) setState(signedOutState);
    if (tell) broadcast?.postMessage({ type: 'signed-out' });
  }

  function refresh(): Promise<string> {
    if (inflightRefresh) return inflightRefresh;
    const startedIn = epoch;
    const pending = withLock(() => refreshTokens()).then(
      (tokens) => {
        if (epoch === startedIn) keepToken(tokens);
        return tokens.accessToken;
      },
      (error: unknown) => {
        // Tell other tabs only when this one was signed in; a tab that finds no session changes nothing.
        if (epoch === startedIn && isUnauthenticated(error)) endLocally(state.status === 'signed-in');
        throw toApiError(error);
      },
    );
    inflightRefresh = pending;
    void pending.then(
      () => (inflightRefresh = undefined),
      () => (inflightRefresh = undefined),
    );
    return pending;
  }

  /** A token worth sending: the current one, or a fresh one when it is missing or has expired. */
  async function usableToken(): Promise<string> {
    if (token && token.expiresAt > now()) return token.value;
    return refresh();
  }

  async function authed<T>(call: (headers: Record<string, string>) => Promise<T>, extra: Record<string, string> = {}): Promise<T> {
    const used = await usableToken();
    try {
      return await call({ ...extra, ...bearer(used) });
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
      // Another call may have refreshed meanwhile; only refresh when the token is still the refused one.
      const fresh = token && token.value !== used ? token.value : await refresh();
      try {
        return await call({ ...extra, ...bearer(fresh) });
      } catch (retryError) {
        if (isUnauthenticated(retryError)) endLocally();
        throw retryError;
      }
    }
  }

  function get<T>(path: string, requestOptions: AuthedOptions<T> = {}): Promise<T> {
    return authed((headers) => apiGet(path, { ...requestOptions, headers }), requestOptions.headers);
  }

  function post<T>(path: string, body?: unknown, requestOptions: AuthedOptions<T> = {}): Promise<T> {
    return authed((headers) => apiPost(path, body, { ...requestOptions, headers }), requestOptions.headers);
  }

  function send<T>(method: Method, path: string, body?: unknown, requestOptions: AuthedOptions<T> = {}): Promise<T> {
    return authed((headers) => apiRequest(method, path, body, { ...requestOptions, headers }), requestOptions.headers);
  }

  function loadAccount(): Promise<Account> {
    return get('/api/v1/me', { decode: decodeAccount });
  }

  async function reloadAccount(): Promise<Account> {
    const startedIn = epoch;
    const account = await loadAccount();
    if (epoch === startedIn && state.status === 'signed-in') setState({ ...state, account });
    return account;
  }

  function restore(): Promise<void> {
    if (inflightRestore) return inflightRestore;
    if (state.status === 'signed-in') return Promise.resolve();
    if (hint && !hint.get()) {
      // Never signed in here (or signed out since): nothing to restore, no need to ask.
      if (state.status !== 'signed-out' || state.restoreError) setState(signedOutState);
      return Promise.resolve();
    }
    const startedIn = epoch;
    if (state.status !== 'restoring') setState({ status: 'restoring', account: undefined, restoreError: undefined });
    const pending = (async () => {
      try {
        await refresh();
        const account = await loadAccount();
        if (epoch === startedIn) setState({ status: 'signed-in', account, restoreError: undefined });
      } catch (error) {
        if (epoch !== startedIn) return;
        // Offline or server trouble says nothing about the cookie: keep the hint for the next try.
        endLocally(false, !isTransient(error));
        if (isTransient(error)) setState({ ...signedOutState, restoreError: toApiError(error) });
      }
    })();
    inflightRestore = pending;
    void pending.finally(() => (inflightRestore = undefined));
    return pending;
  }

  async function signIn(tokens: AccessTokens): Promise<Account> {
    epoch += 1;
    const startedIn = epoch;
    retryAttempt = 0;
    keepToken(tokens);
    const account = await loadAccount();
    if (epoch === startedIn) {
      setState({ status: 'signed-in', account, restoreError: undefined });
      broadcast?.postMessage({ type: 'signed-in' });
    }
    return account;
  }

  async function signOut(): Promise<void> {
    // A refresh in flight is about to rotate the cookie; sign out with the one it leaves behind.
    await inflightRefresh?.catch(() => undefined);
    try {
      await endSession();
    } catch (error) {
      if (isTransient(error)) throw toApiError(error);
    }
    endLocally();
  }

  async function signOutEverywhere(): Promise<void> {
    await post('/api/v1/auth/sign-out-everywhere');
    endLocally();
  }

  broadcast?.addEventListener('message', (event) => {
    const type = typeof event.data === 'object' && event.data !== null && 'type' in event.data ? event.data.type : undefined;
    // Another tab signed out: this device's cookie is gone, so forget the token here too.
    if (type === 'signed-out' && state.status === 'signed-in') endLocally(false);
    // Another tab signed in: pick the session up from the new cookie.
    if (type === 'signed-in' && state.status === 'signed-out') void restore();
  });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: () => token?.value,
    restore,
    signIn,
    refresh,
    get,
    post,
    send,
    reloadAccount,
    signOut,
    signOutEverywhere,
    dispose() {
      cancelTimer();
      listeners.clear();
      broadcast?.close();
    },
  };
}
