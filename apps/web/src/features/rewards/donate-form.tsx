import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { donate } from '../../api/rewards.ts';
import type { Cause, DonationWithBalance, Wallet } from '../../api/rewards.ts';
import { AlertIcon, Button, Notice, TextField } from '../../ui/index.ts';
import { donationMax, parsePoints } from './giving-rules.ts';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { usePointsAction } from './use-points-action.ts';

/** The amount, checked against the balance and today's limit, then a confirmation before giving. */
export function DonateForm({ cause, wallet, onDone, onCancel }: { cause: Cause; wallet: Wallet; onDone: (answer: DonationWithBalance) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const points = usePointsText();
  const errorId = useId();
  const { session, wallet: walletState } = useRewards();
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState<number | 'invalid' | undefined>(undefined);
  const action = usePointsAction<DonationWithBalance>();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const confirming = typeof checked === 'number';
  // The amount field goes away on review: keep focus in the dialog, on the button that gives.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const max = donationMax(wallet);
  const capped = wallet.donationDailyCap - wallet.donatedToday < wallet.balance;
  const hint = capped ? t('rewards.give.amountHintCapped', { max: points(max), cap: points(wallet.donationDailyCap), used: points(wallet.donatedToday) }) : t('rewards.give.amountHint', { max: points(max) });

  function review(event: FormEvent) {
    event.preventDefault();
    setChecked(parsePoints(typed, max) ?? 'invalid');
  }

  async function give(amount: number) {
    const done = await action.run(`donate ${cause.id} ${amount}`, (key) => donate(session, cause.id, amount, key));
    if (!done) return;
    walletState.update((w) => ({ ...w, balance: done.balance, donatedToday: w.donatedToday + done.donation.points }));
    onDone(done);
  }

  if (max === 0) return <Notice tone="info">{t('rewards.give.cannotDonate')}</Notice>;
  if (typeof checked === 'number') {
    const failed = action.state.status === 'failed' ? action.state.error : undefined;
    return (
      <div className="hb-rewards-dialog" data-testid="donate-confirm">
        <p>{t('rewards.give.confirmBody', { points: points(checked), title: cause.title, left: points(wallet.balance - checked) })}</p>
        <div aria-live="assertive">
          {failed ? (
            <Notice tone="error" title={t('rewards.give.donateFailed')} icon={<AlertIcon />}>
              {errorMessage(t, failed)}
            </Notice>
          ) : null}
        </div>
        <div className="hb-rewards-actions">
          <Button ref={confirmButton} onClick={() => void give(checked)} loading={action.state.status === 'running'}>
            {action.state.status === 'running' ? t('rewards.give.donating') : t('rewards.give.confirm')}
          </Button>
          <Button variant="secondary" onClick={() => {
              action.reset();
              setChecked(undefined);
            }}>
            {t('rewards.common.back')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form className="hb-rewards-form" onSubmit={review} noValidate data-testid="donate-form">
      <TextField
        label={t('rewards.give.amount')}
        hint={hint}
        inputMode="numeric"
        pattern="[0-9]*"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        invalid={checked === 'invalid'}
        errorId={errorId}
        data-autofocus
        required
      />
      {checked === 'invalid' ? (
        <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
          {t('rewards.give.amountInvalid', { max })}
        </Notice>
      ) : null}
      <div className="hb-rewards-actions">
        <Button type="submit">{t('rewards.give.review')}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('rewards.common.cancel')}
        </Button>
      </div>
    </form>
  );
}
