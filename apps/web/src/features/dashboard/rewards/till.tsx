import { useId, useReducer, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { checkVoucher, markVoucherUsed } from '../../../api/partner-rewards.ts';
import type { TillVoucher } from '../../../api/partner-rewards.ts';
import { Button, Card, CheckCircleIcon, CheckIcon, CloseIcon, LoadingState, Notice, RefreshIcon, TextField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { QrCodeIcon } from './qr-code-icon.tsx';
import { pointsLabel } from './rewards-labels.ts';
import { TillCamera } from './till-camera.tsx';
import { TillRefusalNotice } from './till-refusal.tsx';
import { initialTill, tillBusy, tillReducer } from './till-state.ts';
import type { TillRefusal } from './till-state.ts';
import { TillVoucherCard } from './till-voucher-card.tsx';
import { readVoucherCode } from './voucher-code.ts';

function refusalOf(cause: unknown): TillRefusal {
  const error = toApiError(cause);
  return { code: error.code, status: error.status, requestId: error.requestId };
}

/** A sentence for a checked voucher that cannot be used now. */
function useStatusNote(voucher: TillVoucher): string | undefined {
  const { t } = useTranslation();
  return voucher.status === 'active' ? undefined : t(`partnerRewards.till.statusNotes.${voucher.status}`);
}

/** The voucher a refused use was for, as it stands now. */
function RefusedVoucher({ voucher }: { voucher: TillVoucher }) {
  const note = useStatusNote(voucher);
  return (
    <TillVoucherCard voucher={voucher} statusNote={note}>
      {null}
    </TillVoucherCard>
  );
}

/** The checked voucher and what to do with it. */
function CheckedVoucher({ voucher, using, onUse, onNext }: { voucher: TillVoucher; using: boolean; onUse: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const note = useStatusNote(voucher);
  return (
    <TillVoucherCard voucher={voucher} statusNote={note}>
      {voucher.status === 'active' ? (
        <Button className="hb-pr-use-button" block icon={using ? undefined : <CheckIcon />} loading={using} onClick={onUse}>
          {using ? t('partnerRewards.till.marking') : t('partnerRewards.till.markUsed')}
        </Button>
      ) : null}
      <Button variant="secondary" block icon={<CloseIcon size={20} />} onClick={onNext}>
        {t('partnerRewards.till.nextCustomer')}
      </Button>
    </TillVoucherCard>
  );
}

/**
 * The till: a voucher comes in by camera or typed short code, is checked (which does not use it),
 * and a valid one is marked used with one big button. Then the till is ready for the next customer.
 */
export function Till({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [state, dispatch] = useReducer(tillReducer, initialTill);
  const [typed, setTyped] = useState('');
  const [cameraOn, setCameraOn] = useState(false);
  const [emptyHint, setEmptyHint] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const busy = tillBusy(state);

  async function check(raw: string) {
    if (busy) return;
    const reading = readVoucherCode(raw);
    if (reading.kind === 'empty') {
      setEmptyHint(true);
      input.current?.focus();
      return;
    }
    setEmptyHint(false);
    dispatch({ type: 'check', code: reading.kind === 'malformed' ? raw.trim() : reading.code });
    if (reading.kind === 'malformed') {
      // Not worth a request (typed codes are rate-limited): the server would say the same.
      dispatch({ type: 'refused', refusal: { code: 'REWARDS_VOUCHER_MALFORMED', status: 0 } });
      return;
    }
    try {
      dispatch({ type: 'checked', voucher: await checkVoucher(session, organisationId, reading.code) });
    } catch (cause) {
      dispatch({ type: 'refused', refusal: refusalOf(cause) });
    }
  }

  async function use() {
    if (state.step !== 'checked' || state.voucher.status !== 'active') return;
    const { code } = state;
    dispatch({ type: 'use' });
    try {
      dispatch({ type: 'used', voucher: await markVoucherUsed(session, organisationId, code) });
      setTyped('');
      requestAnimationFrame(() => input.current?.focus());
    } catch (cause) {
      dispatch({ type: 'refused', refusal: refusalOf(cause) });
      // The voucher on screen is from before the refusal (another till may have used it since): read it again.
      checkVoucher(session, organisationId, code).then(
        (voucher) => dispatch({ type: 'refreshed', voucher }),
        () => {
          // The refusal says enough; the card stays as it was checked.
        },
      );
    }
  }

  function next() {
    dispatch({ type: 'next' });
    setTyped('');
    requestAnimationFrame(() => input.current?.focus());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void check(typed);
  }

  function scanned(text: string) {
    setCameraOn(false);
    setTyped('');
    void check(text);
  }

  return (
    <div className="hb-pr-till">
      <Card className="hb-stack hb-pr-till__input" aria-labelledby={`${hintId}-title`}>
        <h2 id={`${hintId}-title`} className="hb-dash-subtitle">
          {t('partnerRewards.till.inputTitle')}
        </h2>
        <div className="hb-dash-actions">
          <Button variant={cameraOn ? 'secondary' : 'primary'} icon={cameraOn ? <CloseIcon size={20} /> : <QrCodeIcon />} onClick={() => setCameraOn((on) => !on)} aria-pressed={cameraOn}>
            {cameraOn ? t('partnerRewards.till.stopCamera') : t('partnerRewards.till.scan')}
          </Button>
        </div>
        {cameraOn ? <TillCamera onCode={scanned} /> : null}
        <form className="hb-pr-till__form" noValidate onSubmit={submit} aria-busy={state.step === 'checking'}>
          <TextField
            ref={input}
            label={t('partnerRewards.till.typeCode')}
            hint={t('partnerRewards.till.typeCodeHint')}
            look="code"
            name="voucher-code"
            placeholder="XXXXX-XXXXX"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              setEmptyHint(false);
            }}
            invalid={emptyHint}
            errorId={hintId}
          />
          {emptyHint ? (
            <p id={hintId} className="hb-pr-field-error" role="alert">
              {t('partnerRewards.till.codeRequired')}
            </p>
          ) : null}
          <Button type="submit" variant="secondary" loading={state.step === 'checking'}>
            {state.step === 'checking' ? t('partnerRewards.till.checking') : t('partnerRewards.till.check')}
          </Button>
        </form>
      </Card>
      <div className="hb-pr-till__result">
        {state.step === 'checking' ? <LoadingState label={t('partnerRewards.till.checking')} /> : null}
        {state.step === 'checked' || state.step === 'using' ? <CheckedVoucher voucher={state.voucher} using={state.step === 'using'} onUse={() => void use()} onNext={next} /> : null}
        {state.step === 'refused' ? (
          <div className="hb-stack">
            <TillRefusalNotice refusal={state.refusal} />
            {state.voucher ? <RefusedVoucher voucher={state.voucher} /> : null}
            <div>
              <Button variant="secondary" icon={<RefreshIcon />} onClick={next}>
                {t('partnerRewards.till.tryAnother')}
              </Button>
            </div>
          </div>
        ) : null}
        {state.step === 'ready' && state.lastUsed ? (
          <Notice tone="success" role="status" icon={<CheckCircleIcon />} title={t('partnerRewards.till.usedTitle', { title: state.lastUsed.offerTitle })}>
            {t('partnerRewards.till.usedBody', { points: pointsLabel(t, state.lastUsed.points, i18n.language) })}
          </Notice>
        ) : null}
        {state.step === 'ready' && !state.lastUsed ? <p className="hb-dash-empty-line">{t('partnerRewards.till.waiting')}</p> : null}
      </div>
    </div>
  );
}
