import { useTranslation } from 'react-i18next';
import type { Cause, DonationWithBalance } from '../../api/rewards.ts';
import { Dialog } from '../../ui/index.ts';
import { DonateForm } from './donate-form.tsx';
import { useRewards } from './rewards-context.tsx';

/** "Donate to …": the amount and its confirmation, in a dialog. */
export function DonateDialog({ cause, onClose, onDone }: { cause: Cause | undefined; onClose: () => void; onDone: (cause: Cause, answer: DonationWithBalance) => void }) {
  const { t } = useTranslation();
  const { state } = useRewards().wallet;
  return (
    <Dialog open={cause !== undefined} title={cause ? t('rewards.give.donateTo', { title: cause.title }) : ''} onClose={onClose} closeLabel={t('rewards.common.close')}>
      {cause && state.status === 'ready' ? <DonateForm key={cause.id} cause={cause} wallet={state.wallet} onCancel={onClose} onDone={(answer) => onDone(cause, answer)} /> : null}
    </Dialog>
  );
}
