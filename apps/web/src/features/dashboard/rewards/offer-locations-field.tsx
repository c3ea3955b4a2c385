import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, CloseIcon, PlusIcon, TextField } from '../../../ui/index.ts';
import { FieldError } from './field-error.tsx';
import { PlacePicker } from './place-picker.tsx';
import { emptyLocationRow, offerLimits } from './offer-form-model.ts';
import type { LocationRow, OfferFormErrors, OfferProblem } from './offer-form-model.ts';

export interface OfferLocationsFieldProps {
  rows: LocationRow[];
  errors: OfferFormErrors['locations'];
  onChange: (rows: LocationRow[]) => void;
  problemText: (problem: OfferProblem | undefined) => string | undefined;
}

/** Where the offer can be used: rows of a name and coordinates, added and removed at will. */
export function OfferLocationsField({ rows, errors, onChange, problemText }: OfferLocationsFieldProps) {
  const { t } = useTranslation();
  const base = useId();
  const change = (key: string, part: Partial<LocationRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...part } : row)));
  /** The row whose map is open (one at a time: a map is heavy on a phone). */
  const [mapOf, setMapOf] = useState<string | undefined>(undefined);

  return (
    <fieldset className="hb-pr-fieldset">
      <legend className="hb-pr-legend">{t('partnerRewards.offerForm.locations')}</legend>
      <p className="hb-field__hint">{t('partnerRewards.offerForm.locationsHint')}</p>
      {rows.length === 0 ? <p className="hb-dash-muted">{t('partnerRewards.offerForm.noLocations')}</p> : null}
      <ol className="hb-pr-location-list">
        {rows.map((row, index) => {
          const rowErrors = errors[row.key] ?? {};
          const number = index + 1;
          const errorId = (part: string) => `${base}-${row.key}-${part}`;
          return (
            <li key={row.key}>
              <fieldset className="hb-pr-location-row">
                <legend className="hb-pr-location-legend">{t('partnerRewards.offerForm.locationNumber', { number })}</legend>
                <div>
                  <TextField
                    label={t('partnerRewards.offerForm.locationName')}
                    value={row.name}
                    onChange={(event) => change(row.key, { name: event.target.value })}
                    invalid={rowErrors.name !== undefined}
                    errorId={errorId('name')}
                  />
                  <FieldError id={errorId('name')} message={problemText(rowErrors.name)} />
                </div>
                <div>
                  <TextField
                    label={t('partnerRewards.offerForm.latitude')}
                    inputMode="decimal"
                    placeholder="40.7128"
                    value={row.lat}
                    onChange={(event) => change(row.key, { lat: event.target.value })}
                    invalid={rowErrors.lat !== undefined}
                    errorId={errorId('lat')}
                  />
                  <FieldError id={errorId('lat')} message={problemText(rowErrors.lat)} />
                </div>
                <div>
                  <TextField
                    label={t('partnerRewards.offerForm.longitude')}
                    inputMode="decimal"
                    placeholder="-74.0060"
                    value={row.lon}
                    onChange={(event) => change(row.key, { lon: event.target.value })}
                    invalid={rowErrors.lon !== undefined}
                    errorId={errorId('lon')}
                  />
                  <FieldError id={errorId('lon')} message={problemText(rowErrors.lon)} />
                </div>
                <Button variant="secondary" size="sm" aria-expanded={mapOf === row.key} onClick={() => setMapOf(mapOf === row.key ? undefined : row.key)}>
                  {mapOf === row.key ? t('partnerRewards.placePicker.hide') : t('partnerRewards.placePicker.show')}
                </Button>
                {mapOf === row.key ? (
                  <div className="hb-pr-location-map">
                    <PlacePicker
                      lat={row.lat}
                      lon={row.lon}
                      onPick={(at, label) => change(row.key, { lat: String(at.lat), lon: String(at.lon), ...(label && !row.name.trim() ? { name: label.split(',')[0]?.slice(0, 100) ?? '' } : {}) })}
                    />
                  </div>
                ) : null}
                <Button
                  variant="ghost"
                  size="sm"
                  className="hb-pr-location-remove"
                  icon={<CloseIcon size={18} />}
                  aria-label={t('partnerRewards.offerForm.removeLocation', { number })}
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  {t('partnerRewards.offerForm.remove')}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < offerLimits.locations ? (
        <div>
          <Button variant="secondary" size="sm" icon={<PlusIcon />} onClick={() => onChange([...rows, emptyLocationRow()])}>
            {t('partnerRewards.offerForm.addLocation')}
          </Button>
        </div>
      ) : (
        <p className="hb-dash-muted">{t('partnerRewards.offerForm.locationsFull', { count: offerLimits.locations })}</p>
      )}
    </fieldset>
  );
}
