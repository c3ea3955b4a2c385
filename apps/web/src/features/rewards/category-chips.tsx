import { useTranslation } from 'react-i18next';
import type { OfferCategory } from '../../api/rewards.ts';
import { categoryLabel } from './offer-category.ts';

export interface CategoryChipsProps {
  /** The categories offers are in now, in the list's order. */
  categories: readonly OfferCategory[];
  /** The category shown; undefined for all. */
  selected: OfferCategory | undefined;
  onSelect: (category: OfferCategory | undefined) => void;
}

/** "All" and each category as a toggle chip, in a row that scrolls sideways on a phone; a tap filters the offers. */
export function CategoryChips({ categories, selected, onSelect }: CategoryChipsProps) {
  const { t } = useTranslation();
  // A category chosen before its last offer went stays, so it can be let go of.
  const shown = selected && !categories.includes(selected) ? [...categories, selected] : categories;
  return (
    <div className="hb-chips" role="group" aria-label={t('rewards.offers.categories')} data-testid="category-chips">
      <button type="button" className="hb-chip" aria-pressed={selected === undefined} onClick={() => onSelect(undefined)}>
        {t('rewards.offers.allCategories')}
      </button>
      {shown.map((category) => (
        <button key={category} type="button" className="hb-chip" aria-pressed={selected === category} data-category={category} onClick={() => onSelect(selected === category ? undefined : category)}>
          {categoryLabel(t, category)}
        </button>
      ))}
    </div>
  );
}
