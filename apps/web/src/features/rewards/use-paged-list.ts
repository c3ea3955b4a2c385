import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import type { CursorPage } from '../../api/rewards.ts';

/** A list read a page at a time: the first page loading or failed, or items with the state of the next page. */
export type PagedState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; items: T[]; nextCursor: string | null; more: 'idle' | 'loading' | ApiError };

export interface PagedList<T> {
  state: PagedState<T>;
  /** Appends the next page (items already shown are not repeated). */
  loadMore: () => void;
  /** Reads the first page again; what is shown stays until it arrives. */
  reload: () => void;
  /** Replaces one item in place (e.g. a voucher whose status changed). */
  replace: (item: T) => void;
}

/** Appends `page` to `items`, skipping ids already there (a row may move between pages while reading). */
export function appendPage<T extends { id: string }>(items: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(items.map((item) => item.id));
  return [...items, ...page.filter((item) => !seen.has(item.id))];
}

/** Loads the first page whenever `key` changes (a new search), and further pages on demand. */
export function usePagedList<T extends { id: string }>(key: string, load: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>): PagedList<T> {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(load);
  const shownKey = useRef<string | undefined>(undefined);
  const more = useRef<AbortController | undefined>(undefined);
  useEffect(() => {
    latest.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    more.current?.abort();
    if (shownKey.current !== key) setState({ status: 'loading' });
    latest.current(undefined, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        shownKey.current = key;
        setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, more: 'idle' });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || !state.nextCursor || state.more === 'loading') return;
    const current = state;
    const controller = new AbortController();
    more.current = controller;
    setState({ ...current, more: 'loading' });
    latest.current(current.nextCursor ?? undefined, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setState({ status: 'ready', items: appendPage(current.items, page.items), nextCursor: page.nextCursor, more: 'idle' });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ ...current, more: toApiError(cause) });
      },
    );
  }, [state]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((item: T) => {
    setState((previous) => (previous.status === 'ready' ? { ...previous, items: previous.items.map((old) => (old.id === item.id ? item : old)) } : previous));
  }, []);
  return { state, loadMore, reload, replace };
}
