import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { offerCategories } from '../../../api/rewards.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/index.ts';
import { categoryLabel } from '../../rewards/offer-category.ts';
import { FieldError } from './field-error.tsx';
import { IssuerSecret } from './issuer-secret.tsx';
import { OfferLocationsField } from './offer-locations-field.tsx';
import type { OfferField, OfferFormErrors, OfferFormValues, OfferProblem } from './offer-form-model.ts';

export interface OfferFormFieldsProps {
  values: OfferFormValues;
  errors: OfferFormErrors;
  onChange: (values: OfferFormValues) => void;
  /** Editing an existing offer: the stock field is what is left. */
  editing: boolean;
  /** A municipality's scheme rather than a retailer's offer (changes a few words). */
  scheme: boolean;
  /** The saved offer's issuer key, shown for its issuer's set-up; undefined for a new offer or one without an issuer. */
  issuerSecret?: string | undefined;
}

/** Every field of an offer: what it is, its price and stock, its dates and expiry policy, where, and who issues the code. */
export function OfferFormFields({ values, errors, onChange, editing, scheme, issuerSecret }: OfferFormFieldsProps) {
  const { t } = useTranslation();
  const base = useId();
  const problemText = (problem: OfferProblem | undefined) => (problem ? t(`partnerRewards.offerForm.problems.${problem}`) : undefined);
  const set = (key: OfferField) => (event: { target: { value: string } }) => onChange({ ...values, [key]: event.target.value });

  /** A field with its error sentence under it. */
  function field(key: OfferField, render: (props: { invalid: boolean; errorId: string }) => ReactNode) {
    const errorId = `${base}-${key}`;
    return (
      <div>
        {render({ invalid: errors.fields[key] !== undefined, errorId })}
        <FieldError id={errorId} message={problemText(errors.fields[key])} />
      </div>
    );
  }

  return (
    <>
      {field('title', (p) => <TextField label={t('partnerRewards.offerForm.title')} value={values.title} onChange={set('title')} maxLength={120} data-autofocus {...p} />)}
      {field('description', (p) => (
        <TextAreaField label={t('partnerRewards.offerForm.description')} hint={t('partnerRewards.offerForm.descriptionHint')} rows={3} value={values.description} onChange={set('description')} {...p} />
      ))}
      {field('category', (p) => (
        <SelectField
          label={t('partnerRewards.offerForm.category')}
          hint={t('partnerRewards.offerForm.categoryHint')}
          options={[{ value: '', label: t('partnerRewards.offerForm.chooseCategory') }, ...offerCategories.map((category) => ({ value: category, label: categoryLabel(t, category) }))]}
          value={values.category}
          onChange={(event) => onChange({ ...values, category: offerCategories.find((category) => category === event.target.value) ?? '' })}
          {...p}
        />
      ))}
      <div className="hb-pr-form-grid">
        {field('pricePoints', (p) => <TextField label={t('partnerRewards.offerForm.pricePoints')} inputMode="numeric" value={values.pricePoints} onChange={set('pricePoints')} {...p} />)}
        {field('stock', (p) => (
          <TextField
            label={editing ? t('partnerRewards.offerForm.stockLeft') : t('partnerRewards.offerForm.stock')}
            hint={editing ? t('partnerRewards.offerForm.stockLeftHint') : t('partnerRewards.offerForm.stockHint')}
            inputMode="numeric"
            value={values.stock}
            onChange={set('stock')}
            {...p}
          />
        ))}
        {field('perUserLimit', (p) => (
          <TextField label={t('partnerRewards.offerForm.perUserLimit')} hint={t('partnerRewards.offerForm.perUserLimitHint')} inputMode="numeric" value={values.perUserLimit} onChange={set('perUserLimit')} {...p} />
        ))}
      </div>
      <div className="hb-pr-form-grid">
        {field('startsOn', (p) => <TextField label={t('partnerRewards.offerForm.startsOn')} type="date" value={values.startsOn} onChange={set('startsOn')} {...p} />)}
        {field('endsOn', (p) => <TextField label={t('partnerRewards.offerForm.endsOn')} hint={t('partnerRewards.offerForm.endsOnHint')} type="date" value={values.endsOn} onChange={set('endsOn')} {...p} />)}
        {field('voucherValidDays', (p) => (
          <TextField
            label={t('partnerRewards.offerForm.voucherValidDays')}
            hint={t('partnerRewards.offerForm.voucherValidDaysHint')}
            inputMode="numeric"
            value={values.voucherValidDays}
            onChange={set('voucherValidDays')}
            {...p}
          />
        ))}
      </div>
      <OfferLocationsField rows={values.locations} errors={errors.locations} onChange={(locations) => onChange({ ...values, locations })} problemText={problemText} />
      {field('issuerUrl', (p) => (
        <TextField
          label={t('partnerRewards.offerForm.issuerUrl')}
          hint={scheme ? t('partnerRewards.offerForm.issuerUrlHintScheme') : t('partnerRewards.offerForm.issuerUrlHint')}
          type="url"
          inputMode="url"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="https://"
          value={values.issuerUrl}
          onChange={set('issuerUrl')}
          {...p}
        />
      ))}
      {issuerSecret ? <IssuerSecret secret={issuerSecret} /> : null}
    </>
  );
}
