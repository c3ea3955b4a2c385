import type { TFunction } from 'i18next';
import type { OfferCategory } from '../../api/rewards.ts';

/** A category as people read it, in their language ("Food & drink", "Comida y bebida"). */
export function categoryLabel(t: TFunction, category: OfferCategory): string {
  return t(`rewards.categories.${category}`);
}
