import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferKind } from '../../api/rewards.ts';
import { Button, SelectField, Switch, TextField } from '../../ui/index.ts';

/** What the offers are searched by. */
export interface OfferFilterValues {
  q: string;
  category: string;
  kind: OfferKind | '';
  nearMe: boolean;
}

export interface OfferFiltersProps {
  values: OfferFilterValues;
  categories: readonly string[];
  radiusKm: number;
  onChange: (values: OfferFilterValues) => void;
}

/** The search box (applied on submit), category and type (applied at once) and the "near me" switch. */
export function OfferFilters({ values, categories, radiusKm, onChange }: OfferFiltersProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(values.q);
  const categoryOptions = [{ value: '', label: t('rewards.offers.allCategories') }, ...categories.map((c) => ({ value: c, label: c }))];
  const kindOptions = [
    { value: '', label: t('rewards.offers.allKinds') },
    { value: 'offer', label: t('rewards.offers.kinds.offer') },
    { value: 'scheme', label: t('rewards.offers.kinds.scheme') },
  ];
  return (
    <div className="hb-rewards-filters">
      <form
        role="search"
        className="hb-rewards-search"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...values, q: typed.trim() });
        }}
      >
        <TextField type="search" label={t('rewards.offers.search')} value={typed} onChange={(event) => setTyped(event.target.value)} enterKeyHint="search" />
        <Button type="submit" variant="secondary">
          {t('rewards.offers.searchButton')}
        </Button>
      </form>
      <div className="hb-rewards-filters__row">
        <SelectField label={t('rewards.offers.category')} options={categoryOptions} value={values.category} onChange={(event) => onChange({ ...values, category: event.target.value })} />
        <SelectField
          label={t('rewards.offers.kind')}
          options={kindOptions}
          value={values.kind}
          onChange={(event) => {
            const kind = event.target.value;
            onChange({ ...values, kind: kind === 'offer' || kind === 'scheme' ? kind : '' });
          }}
        />
      </div>
      <Switch label={t('rewards.offers.nearMe')} description={t('rewards.offers.nearMeHint', { km: radiusKm })} checked={values.nearMe} onChange={(nearMe) => onChange({ ...values, nearMe })} />
    </div>
  );
}
