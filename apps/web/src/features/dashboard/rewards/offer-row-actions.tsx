import { useTranslation } from 'react-i18next';
import type { Offer, OfferStatus } from '../../../api/partner-rewards.ts';
import { Button } from '../../../ui/index.ts';

export interface OfferRowActionsProps {
  offer: Offer;
  /** The status change being saved for this offer, if any. */
  pendingStatus: OfferStatus | undefined;
  onEdit: () => void;
  onStock: () => void;
  onStatus: (status: OfferStatus) => void;
}

/** Edit, stock, pause or resume, archive — each button names the offer for screen readers. */
export function OfferRowActions({ offer, pendingStatus, onEdit, onStock, onStatus }: OfferRowActionsProps) {
  const { t } = useTranslation();
  if (offer.status === 'archived') return <span className="hb-table__muted">{t('partnerRewards.offers.archivedNoActions')}</span>;
  const named = { title: offer.title };
  return (
    <div className="hb-dash-actions hb-pr-row-actions">
      <Button size="sm" variant="secondary" aria-label={t('partnerRewards.offers.editNamed', named)} onClick={onEdit}>
        {t('partnerRewards.offers.edit')}
      </Button>
      <Button size="sm" variant="secondary" aria-label={t('partnerRewards.offers.stockNamed', named)} onClick={onStock}>
        {t('partnerRewards.offers.stock')}
      </Button>
      {offer.status === 'active' ? (
        <Button size="sm" variant="secondary" loading={pendingStatus === 'paused'} aria-label={t('partnerRewards.offers.pauseNamed', named)} onClick={() => onStatus('paused')}>
          {t('partnerRewards.offers.pause')}
        </Button>
      ) : (
        <Button size="sm" variant="secondary" loading={pendingStatus === 'active'} aria-label={t('partnerRewards.offers.resumeNamed', named)} onClick={() => onStatus('active')}>
          {t('partnerRewards.offers.resume')}
        </Button>
      )}
      <Button size="sm" variant="ghost" aria-label={t('partnerRewards.offers.archiveNamed', named)} onClick={() => onStatus('archived')}>
        {t('partnerRewards.offers.archive')}
      </Button>
    </div>
  );
}
