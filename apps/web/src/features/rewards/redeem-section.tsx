import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/rewards.ts';
import { Button, GiftIcon, Notice } from '../../ui/index.ts';
import { usePointsText } from './points-text.ts';
import { RedeemDialog } from './redeem-dialog.tsx';
import { useRewards } from './rewards-context.tsx';

/** The way to redeem, or why there is none: officers, an inactive or sold-out offer, too few points. */
export function RedeemSection({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const points = usePointsText();
  const { state } = useRewards().wallet;
  const [open, setOpen] = useState(false);
  if (state.status !== 'ready') return null;
  const { wallet } = state;
  if (!wallet.canRedeem) {
    return (
      <Notice tone="info" icon={<GiftIcon />}>
        {t('rewards.offer.officerNote')}
      </Notice>
    );
  }
  if (offer.status !== 'active') return <Notice tone="warning">{t('rewards.offer.notActive')}</Notice>;
  if (offer.stockLeft === 0) return <Notice tone="warning">{t('errors.REWARDS_SOLD_OUT')}</Notice>;
  if (wallet.balance < offer.pricePoints) return <Notice tone="info">{t('rewards.offer.short', { points: points(offer.pricePoints - wallet.balance) })}</Notice>;
  return (
    <>
      <div className="hb-rewards-actions">
        <Button icon={<GiftIcon size={20} />} onClick={() => setOpen(true)} block>
          {t('rewards.offer.redeem')}
        </Button>
      </div>
      <RedeemDialog offer={offer} balance={wallet.balance} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
