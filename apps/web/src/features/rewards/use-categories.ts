import { useEffect, useState } from 'react';
import { listCategories } from '../../api/rewards.ts';
import type { RewardsApi } from '../../api/rewards.ts';

/** The offer categories for the filter; empty until loaded (or when they could not be: the filter then offers "all" only). */
export function useCategories(api: RewardsApi): string[] {
  const [categories, setCategories] = useState<string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    listCategories(api, controller.signal).then(
      (items) => {
        if (!controller.signal.aborted) setCategories(items);
      },
      () => {
        // Searching still works without the list; the text search finds categories too.
      },
    );
    return () => controller.abort();
  }, [api]);
  return categories;
}
