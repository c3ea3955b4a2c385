import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { redeemOffer } from '../../api/rewards.ts';
import type { Offer, VoucherWithBalance } from '../../api/rewards.ts';
import { AlertIcon, Button, Dialog, Notice } from '../../ui/index.ts';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { usePointsAction } from './use-points-action.ts';

/** What the voucher page is told by the redemption that led to it. */
export interface IssuedState {
  issuedBalance: number;
}

/** "Spend 120 points on …? You will have 30 left." — then the voucher screen. */
export function RedeemDialog({ offer, balance, open, onClose }: { offer: Offer; balance: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const points = usePointsText();
  const navigate = useNavigate();
  const { session, wallet } = useRewards();
  const action = usePointsAction<VoucherWithBalance>();
  const failed = action.state.status === 'failed' ? action.state.error : undefined;

  async function spend() {
    const done = await action.run(`redeem ${offer.id}`, (key) => redeemOffer(session, offer.id, key));
    if (!done) return;
    wallet.update((w) => ({ ...w, balance: done.balance }));
    const state: IssuedState = { issuedBalance: done.balance };
    void navigate(`/rewards/vouchers/${encodeURIComponent(done.voucher.id)}`, { state });
  }

  function close() {
    action.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      title={t('rewards.offer.confirmTitle')}
      description={t('rewards.offer.confirmBody', { price: points(offer.pricePoints), title: offer.title, left: points(Math.max(0, balance - offer.pricePoints)) })}
      onClose={close}
      closeLabel={t('rewards.common.close')}
    >
      <div className="hb-rewards-dialog" data-testid="redeem-dialog">
        <div aria-live="assertive">
          {failed ? (
            <Notice tone="error" title={t('rewards.offer.failed')} icon={<AlertIcon />}>
              {errorMessage(t, failed)}
            </Notice>
          ) : null}
        </div>
        <div className="hb-rewards-actions">
          <Button onClick={() => void spend()} loading={action.state.status === 'running'} data-autofocus>
            {action.state.status === 'running' ? t('rewards.offer.redeeming') : t('rewards.offer.confirm')}
          </Button>
          <Button variant="secondary" onClick={close}>
            {t('rewards.common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
