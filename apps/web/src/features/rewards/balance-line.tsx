import { useTranslation } from 'react-i18next';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';

/** "You have 150 points", above pages where points are spent or given; nothing until the wallet is known. */
export function BalanceLine() {
  const { t } = useTranslation();
  const points = usePointsText();
  const { state } = useRewards().wallet;
  if (state.status !== 'ready') return null;
  return (
    <p className="hb-rewards-balance-line" data-testid="balance-line">
      {t('rewards.wallet.header', { points: points(state.wallet.balance) })}
    </p>
  );
}
