import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sendGift } from '../../api/rewards.ts';
import type { GiftWithBalance, Wallet } from '../../api/rewards.ts';
import { AlertIcon, Button, CheckCircleIcon, Notice, TextAreaField, TextField } from '../../ui/index.ts';
import { usePublicProfile } from '../connections/use-public-profile.ts';
import { GiftConfirm } from './gift-confirm.tsx';
import { GiftRecipient } from './gift-recipient.tsx';
import { giftMax, giftMessageMax, giftProblems, parsePoints } from './giving-rules.ts';
import type { GiftProblem } from './giving-rules.ts';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';
import type { Colleague } from './use-colleagues.ts';
import { usePointsAction } from './use-points-action.ts';

interface Draft {
  recipientId: string;
  points: number;
  message: string;
}

/** Gift points: recipient, amount (within the balance and today's limit) and a short message, confirmed before sending. */
export function GiftForm({ wallet, colleagues }: { wallet: Wallet; colleagues: readonly Colleague[] | undefined }) {
  const { t } = useTranslation();
  const points = usePointsText();
  const ids = { recipient: useId(), points: useId(), message: useId() };
  const { session, me, wallet: walletState } = useRewards();
  const [form, setForm] = useState({ recipientId: '', points: '', message: '' });
  const [problems, setProblems] = useState<GiftProblem[]>([]);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [sent, setSent] = useState<{ name: string; answer: GiftWithBalance } | undefined>(undefined);
  const action = usePointsAction<GiftWithBalance>();
  const news = useRef<HTMLDivElement>(null);
  const max = giftMax(wallet);
  // The confirmation (and its Send button) is gone once sent: focus goes to the news, not to the page's start.
  useEffect(() => {
    if (sent) news.current?.focus();
  }, [sent]);
  const profile = usePublicProfile(draft?.recipientId ?? '');
  const colleagueName = colleagues?.find((c) => c.accountId === draft?.recipientId)?.name;
  const name = colleagueName ?? profile?.displayName ?? draft?.recipientId ?? '';

  function review(event: FormEvent) {
    event.preventDefault();
    const found = giftProblems(form, me, max);
    setProblems(found);
    setSent(undefined);
    const amount = parsePoints(form.points, max);
    if (found.length === 0 && amount !== undefined) setDraft({ recipientId: form.recipientId.trim(), points: amount, message: form.message.trim() });
  }

  async function send(gift: Draft) {
    const done = await action.run(JSON.stringify(['gift', gift]), (key) => sendGift(session, gift, key));
    if (!done) return;
    walletState.update((w) => ({ ...w, balance: done.balance, giftedToday: w.giftedToday + done.gift.points }));
    setSent({ name, answer: done });
    setDraft(undefined);
    setForm({ recipientId: '', points: '', message: '' });
  }

  if (draft) {
    return (
      <GiftConfirm
        question={t('rewards.gift.confirmBody', { points: points(draft.points), name, left: points(wallet.balance - draft.points) })}
        running={action.state.status === 'running'}
        failed={action.state.status === 'failed' ? action.state.error : undefined}
        onSend={() => void send(draft)}
        onBack={() => {
          action.reset();
          setDraft(undefined);
        }}
      />
    );
  }
  const has = (problem: GiftProblem) => problems.includes(problem);
  const recipientProblem = has('recipient-missing') ? (colleagues ? t('rewards.gift.colleagueRequired') : t('rewards.gift.recipientInvalid')) : has('recipient-self') ? t('rewards.gift.recipientSelf') : undefined;
  return (
    <>
      <div aria-live="polite" ref={news} tabIndex={-1} className="hb-rewards-news">
        {sent ? (
          <Notice tone="success" icon={<CheckCircleIcon />}>
            {t('rewards.gift.sent', { points: points(sent.answer.gift.points), name: sent.name, balance: points(sent.answer.balance) })}
          </Notice>
        ) : null}
      </div>
      {max === 0 ? (
        <Notice tone="info">{t('rewards.gift.cannotGift')}</Notice>
      ) : (
        <form className="hb-rewards-form" onSubmit={review} noValidate data-testid="gift-form">
          <GiftRecipient colleagues={colleagues} value={form.recipientId} onChange={(recipientId) => setForm({ ...form, recipientId })} invalid={recipientProblem !== undefined} errorId={ids.recipient} />
          {recipientProblem ? <p id={ids.recipient} className="hb-rewards-field-error">{recipientProblem}</p> : null}
          <TextField
            label={t('rewards.gift.points')}
            hint={t('rewards.gift.pointsHint', { max: points(max) })}
            inputMode="numeric"
            pattern="[0-9]*"
            value={form.points}
            onChange={(event) => setForm({ ...form, points: event.target.value })}
            invalid={has('points')}
            errorId={ids.points}
            required
          />
          {has('points') ? <p id={ids.points} className="hb-rewards-field-error">{t('rewards.gift.pointsInvalid', { max })}</p> : null}
          <TextAreaField
            label={t('rewards.gift.message')}
            hint={t('rewards.gift.messageHint', { max: giftMessageMax })}
            value={form.message}
            maxLength={giftMessageMax}
            rows={3}
            onChange={(event) => setForm({ ...form, message: event.target.value })}
            invalid={has('message-too-long')}
            errorId={ids.message}
          />
          {has('message-too-long') ? <p id={ids.message} className="hb-rewards-field-error">{t('rewards.gift.messageTooLong', { max: giftMessageMax })}</p> : null}
          {problems.length > 0 ? (
            <Notice tone="error" role="alert" icon={<AlertIcon />}>
              {[recipientProblem, has('points') ? t('rewards.gift.pointsInvalid', { max }) : undefined, has('message-too-long') ? t('rewards.gift.messageTooLong', { max: giftMessageMax }) : undefined].filter(Boolean).join(' ')}
            </Notice>
          ) : null}
          <div className="hb-rewards-actions">
            <Button type="submit">{t('rewards.gift.review')}</Button>
          </div>
        </form>
      )}
    </>
  );
}
