import { useTranslation } from 'react-i18next';
import { Button, ClipboardIcon, useCopy } from '../../ui/index.ts';

/** My account id, for friends to send me points, with a button that copies it. */
export function MyAccountId({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { copy, copied } = useCopy(accountId);

  return (
    <div className="hb-rewards-section" data-testid="my-account-id">
      <p className="hb-rewards-section__title">{t('rewards.gift.myId')}</p>
      <p className="hb-rewards-muted">{t('rewards.gift.myIdBody')}</p>
      <div className="hb-rewards-copy">
        <code className="hb-rewards-code">{accountId}</code>
        <Button size="sm" variant="secondary" icon={<ClipboardIcon size={18} />} onClick={copy}>
          {t('rewards.gift.copy')}
        </Button>
      </div>
      <p className="hb-rewards-muted" role="status">
        {copied === 'copied' ? t('rewards.gift.copied') : copied === 'failed' ? t('rewards.gift.copyFailed') : ''}
      </p>
    </div>
  );
}
