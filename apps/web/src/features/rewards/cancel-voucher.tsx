import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelVoucher } from '../../api/rewards.ts';
import type { Voucher, VoucherWithBalance } from '../../api/rewards.ts';
import { AlertIcon, Button, Dialog, Notice } from '../../ui/index.ts';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { usePointsAction } from './use-points-action.ts';

/** "Cancel voucher" with a confirmation; the points come back and the caller shows the new balance. */
export function CancelVoucher({ voucher, onCancelled }: { voucher: Voucher; onCancelled: (answer: VoucherWithBalance) => void }) {
  const { t } = useTranslation();
  const points = usePointsText();
  const { session, wallet } = useRewards();
  const [open, setOpen] = useState(false);
  const action = usePointsAction<VoucherWithBalance>();
  const failed = action.state.status === 'failed' ? action.state.error : undefined;

  async function confirm() {
    const done = await action.run(`cancel ${voucher.id}`, (key) => cancelVoucher(session, voucher.id, key));
    if (!done) return;
    wallet.update((w) => ({ ...w, balance: done.balance }));
    setOpen(false);
    onCancelled(done);
  }

  function close() {
    action.reset();
    setOpen(false);
  }

  return (
    <>
      <div className="hb-rewards-actions">
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t('rewards.voucher.cancel')}
        </Button>
      </div>
      <Dialog
        open={open}
        title={t('rewards.voucher.cancelTitle')}
        description={t('rewards.voucher.cancelBody', { title: voucher.offerTitle, points: points(voucher.points) })}
        onClose={close}
        closeLabel={t('rewards.common.close')}
      >
        <div className="hb-rewards-dialog" data-testid="cancel-dialog">
          <div aria-live="assertive">
            {failed ? (
              <Notice tone="error" title={t('rewards.voucher.cancelFailed')} icon={<AlertIcon />}>
                {errorMessage(t, failed)}
              </Notice>
            ) : null}
          </div>
          <div className="hb-rewards-actions">
            <Button variant="danger" onClick={() => void confirm()} loading={action.state.status === 'running'}>
              {action.state.status === 'running' ? t('rewards.voucher.cancelling') : t('rewards.voucher.cancelConfirm')}
            </Button>
            <Button variant="secondary" onClick={close} data-autofocus>
              {t('rewards.voucher.keep')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
