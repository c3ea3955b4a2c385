import { useEffect, useState } from 'react';
import { listCategories } from '../../api/rewards.ts';
import type { OfferCategory, RewardsApi } from '../../api/rewards.ts';

/** The categories open offers are in, for the chips; empty until loaded (or when they could not be: then only "All" shows). */
export function useCategories(api: RewardsApi): OfferCategory[] {
  const [categories, setCategories] = useState<OfferCategory[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    listCategories(api, controller.signal).then(
      (items) => {
        if (!controller.signal.aborted) setCategories(items);
      },
      () => {
        // Browsing still works without the chips; the text search finds offers too.
      },
    );
    return () => controller.abort();
  }, [api]);
  return categories;
}
