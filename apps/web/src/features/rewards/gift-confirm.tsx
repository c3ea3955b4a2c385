import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/api-error.ts';
import { AlertIcon, Button, Notice } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';

export interface GiftConfirmProps {
  /** "Give 20 points to Sam? You will have 130 points left." */
  question: string;
  running: boolean;
  failed: ApiError | undefined;
  onSend: () => void;
  onBack: () => void;
}

/** The last step before a gift leaves: the question, the error of a failed try, send or go back. */
export function GiftConfirm({ question, running, failed, onSend, onBack }: GiftConfirmProps) {
  const { t } = useTranslation();
  const send = useRef<HTMLButtonElement>(null);
  // The form went away: focus the button that sends, so keyboard users are not lost.
  useEffect(() => send.current?.focus(), []);
  return (
    <div className="hb-rewards-dialog" data-testid="gift-confirm">
      <p className="hb-rewards-section__title">{t('rewards.gift.confirmTitle')}</p>
      <p>{question}</p>
      <div aria-live="assertive">
        {failed ? (
          <Notice tone="error" title={t('rewards.gift.failed')} icon={<AlertIcon />}>
            {errorMessage(t, failed)}
          </Notice>
        ) : null}
      </div>
      <div className="hb-rewards-actions">
        <Button ref={send} onClick={onSend} loading={running}>
          {running ? t('rewards.gift.sending') : t('rewards.gift.confirm')}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          {t('rewards.common.back')}
        </Button>
      </div>
    </div>
  );
}
