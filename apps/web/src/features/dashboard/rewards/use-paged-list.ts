import { useCallback, useRef, useState } from 'react';
import { toApiError } from '../../../api/api-error.ts';
import type { ApiError } from '../../../api/api-error.ts';
import type { CursorPage, PageRequest } from '../../../api/partner-rewards.ts';
import { useResource } from '../use-resource.ts';
import type { ResourceState } from '../use-resource.ts';

/** A list loaded a page at a time: the pages so far as one, and the next page on demand. */
export interface PagedList<T> {
  state: ResourceState<CursorPage<T>>;
  /** Whether the next page is loading, and why it failed if it did. */
  more: { loading: boolean; error: ApiError | undefined };
  loadMore: () => void;
  /** Starts again from the first page. */
  reload: () => void;
  /** Puts a changed item in place of the one with its id. */
  replace: (item: T & { id: string }) => void;
  /** Adds a new item at the top. */
  prepend: (item: T) => void;
}

/**
 * Loads the first page now (and again when `key` changes); `loadMore` appends the page after the
 * last one's `nextCursor`. A page that arrives after the key changed is dropped.
 */
export function usePagedList<T extends { id: string }>(key: string, load: (page: PageRequest, signal?: AbortSignal) => Promise<CursorPage<T>>, limit = 20): PagedList<T> {
  const resource = useResource(key, (signal) => load({ limit }, signal));
  const [more, setMore] = useState<{ loading: boolean; error: ApiError | undefined }>({ loading: false, error: undefined });
  const currentKey = useRef(key);
  currentKey.current = key;
  const { state, update, reload: reloadFirst } = resource;
  const next = state.kind === 'ready' ? state.data.nextCursor : null;

  const loadMore = useCallback(() => {
    if (!next || more.loading) return;
    const askedFor = key;
    setMore({ loading: true, error: undefined });
    load({ limit, cursor: next }).then(
      (page) => {
        if (currentKey.current !== askedFor) return;
        update((data) => ({ items: [...data.items, ...page.items.filter((item) => !data.items.some((seen) => seen.id === item.id))], nextCursor: page.nextCursor }));
        setMore({ loading: false, error: undefined });
      },
      (cause: unknown) => {
        if (currentKey.current === askedFor) setMore({ loading: false, error: toApiError(cause) });
      },
    );
  }, [next, more.loading, key, load, limit, update]);

  const reload = useCallback(() => {
    setMore({ loading: false, error: undefined });
    reloadFirst();
  }, [reloadFirst]);

  const replace = useCallback((item: T) => update((data) => ({ ...data, items: data.items.map((existing) => (existing.id === item.id ? item : existing)) })), [update]);
  const prepend = useCallback((item: T) => update((data) => ({ ...data, items: [item, ...data.items.filter((existing) => existing.id !== item.id)] })), [update]);

  return { state, more, loadMore, reload, replace, prepend };
}
