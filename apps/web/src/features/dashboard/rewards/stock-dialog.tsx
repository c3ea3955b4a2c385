import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { updateOffer } from '../../../api/partner-rewards.ts';
import type { Offer } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, Dialog, Notice, SegmentedControl, TextField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { formatNumber } from '../format.ts';
import { adjustedStock } from './stock.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';

export interface StockDialogProps {
  organisationId: string;
  offer: Offer | undefined;
  onClose: () => void;
  onSaved: (offer: Offer) => void;
}

/** Adds vouchers to an offer's stock or takes some away, showing what will be left. */
export function StockDialog({ organisationId, offer, onClose, onSaved }: StockDialogProps) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const errorId = useId();
  const [direction, setDirection] = useState<'add' | 'remove'>('add');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    setDirection('add');
    setAmount('');
    setError(undefined);
  }, [offer]);

  const next = offer ? adjustedStock(offer.stockLeft, direction, amount) : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!offer || pending) return;
    if (next === undefined) {
      setError(t('partnerRewards.stock.amountInvalid'));
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      onSaved(await updateOffer(session, organisationId, offer.id, { stock: next }));
    } catch (cause) {
      setError(rewardsErrorMessage(t, toApiError(cause)));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={offer !== undefined}
      title={t('partnerRewards.stock.title', { title: offer?.title ?? '' })}
      description={offer ? t('partnerRewards.stock.current', { count: offer.stockLeft, formatted: formatNumber(offer.stockLeft, i18n.language) }) : undefined}
      onClose={onClose}
      closeLabel={t('dashboard.common.close')}
    >
      <form className="hb-dash-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <SegmentedControl
          legend={t('partnerRewards.stock.direction')}
          value={direction}
          onChange={setDirection}
          options={[
            { value: 'add', label: t('partnerRewards.stock.add') },
            { value: 'remove', label: t('partnerRewards.stock.remove') },
          ]}
        />
        <TextField
          label={t('partnerRewards.stock.amount')}
          inputMode="numeric"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          invalid={error !== undefined}
          errorId={errorId}
          data-autofocus
        />
        <p className="hb-dash-muted" role="status">
          {next === undefined ? '' : t('partnerRewards.stock.willBe', { count: next, formatted: formatNumber(next, i18n.language) })}
        </p>
        {error ? (
          <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
            {error}
          </Notice>
        ) : null}
        <div className="hb-dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('dashboard.common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {pending ? t('partnerRewards.common.saving') : t('partnerRewards.stock.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
