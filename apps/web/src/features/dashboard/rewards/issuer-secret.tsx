import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ClipboardIcon, useCopy } from '../../../ui/index.ts';

/**
 * The key an offer's own code issuer checks Hey Blue!'s requests with (the `X-HeyBlue-Signature`
 * header): shown to the organisation's owners (staff do not receive it), with a copy button, so they can set up their issuer.
 */
export function IssuerSecret({ secret }: { secret: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  const { copy, copied } = useCopy(secret);

  return (
    <div className="hb-pr-secret" data-testid="issuer-secret">
      <p id={labelId} className="hb-field__label">
        {t('partnerRewards.offerForm.issuerSecret')}
      </p>
      <p className="hb-field__hint">{t('partnerRewards.offerForm.issuerSecretHint')}</p>
      <div className="hb-pr-secret__row">
        <code className="hb-pr-code hb-pr-secret__value" aria-labelledby={labelId} translate="no">
          {secret}
        </code>
        <Button size="sm" variant="secondary" icon={<ClipboardIcon size={18} />} onClick={copy}>
          {t('partnerRewards.offerForm.copy')}
        </Button>
      </div>
      <p className="hb-dash-muted" role="status">
        {copied === 'copied' ? t('partnerRewards.offerForm.copied') : copied === 'failed' ? t('partnerRewards.offerForm.copyFailed') : ''}
      </p>
    </div>
  );
}
