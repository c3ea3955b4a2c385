import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferKind } from '../../api/rewards.ts';
import { Button, SelectField, Switch, TextField } from '../../ui/index.ts';
import { parseMaxPoints } from './offer-search.ts';
import type { OfferFilterValues } from './offer-search.ts';

export interface OfferFiltersProps {
  /** The panel's id, named by the Filters button that shows and hides it. */
  id: string;
  values: OfferFilterValues;
  /** The wallet's balance; undefined until known (then "only what I can afford" waits). */
  balance: number | undefined;
  /** Whether offers are sorted nearest first. */
  nearest: boolean;
  onChange: (values: OfferFilterValues) => void;
  onNearest: (nearest: boolean) => void;
  /** Formats points ("150 points"). */
  points: (points: number) => string;
}

/**
 * What the catalogue's chips leave out, folded under "Filters": the search box and the most points
 * to spend (applied on submit), only what the wallet covers, the type, and nearest first (which asks
 * for the position only when switched on here).
 */
export function OfferFilters({ id, values, balance, nearest, onChange, onNearest, points }: OfferFiltersProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const [typed, setTyped] = useState(values.q);
  const [typedMax, setTypedMax] = useState(values.maxPoints === undefined ? '' : String(values.maxPoints));
  const [maxInvalid, setMaxInvalid] = useState(false);
  // Cleared filters clear the boxes too.
  useEffect(() => setTyped(values.q), [values.q]);
  useEffect(() => setTypedMax(values.maxPoints === undefined ? '' : String(values.maxPoints)), [values.maxPoints]);
  const kindOptions = [
    { value: '', label: t('rewards.offers.allKinds') },
    { value: 'offer', label: t('rewards.offers.kinds.offer') },
    { value: 'scheme', label: t('rewards.offers.kinds.scheme') },
  ];
  return (
    <div id={id} className="hb-rewards-filters" data-testid="offer-filters">
      <form
        role="search"
        className="hb-rewards-filters__search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const maxPoints = parseMaxPoints(typedMax);
          setMaxInvalid(maxPoints === null);
          if (maxPoints === null) return;
          onChange({ ...values, q: typed.trim(), maxPoints });
        }}
      >
        <TextField type="search" label={t('rewards.offers.search')} value={typed} onChange={(event) => setTyped(event.target.value)} enterKeyHint="search" />
        <div>
          <TextField
            label={t('rewards.offers.maxPoints')}
            hint={t('rewards.offers.maxPointsHint')}
            inputMode="numeric"
            value={typedMax}
            onChange={(event) => setTypedMax(event.target.value)}
            invalid={maxInvalid}
            errorId={errorId}
          />
          {maxInvalid ? (
            <p id={errorId} className="hb-rewards-field-error hb-rewards-field-error--after">
              {t('rewards.offers.maxPointsInvalid')}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="secondary">
          {t('rewards.offers.searchButton')}
        </Button>
      </form>
      <Switch
        label={t('rewards.offers.affordableOnly')}
        description={balance === undefined ? undefined : t('rewards.offers.affordableOnlyHint', { points: points(balance) })}
        checked={values.affordableOnly}
        onChange={(affordableOnly) => onChange({ ...values, affordableOnly })}
      />
      <Switch label={t('rewards.offers.nearestFirst')} description={t('rewards.offers.nearestFirstHint')} checked={nearest} onChange={onNearest} />
      <SelectField
        label={t('rewards.offers.kind')}
        options={kindOptions}
        value={values.kind}
        onChange={(event) => {
          const kind: string = event.target.value;
          onChange({ ...values, kind: kind === 'offer' || kind === 'scheme' ? (kind satisfies OfferKind) : '' });
        }}
      />
    </div>
  );
}
