import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/api-error.ts';
import { ArrowLeftIcon, ButtonLink, Card, ErrorState, LoadingState } from '../../ui/index.ts';
import { errorMessage, errorReference } from '../../i18n/error-messages.ts';

export interface DetailCardProps {
  /** The list this thing was opened from. */
  back: { to: string; label: string };
  /** Where reading the thing stands. */
  load: { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready' };
  onRetry: () => void;
  loadingLabel: string;
  errorTitle: string;
  /** The id of the heading `children` show, which names the card once it is ready. */
  titleId: string;
  testId: string;
  /** The thing itself, shown once it is read. */
  children: ReactNode;
}

/** A page about one thing (an offer, a voucher): the way back, and a card showing it loading, failed with a retry, or read. */
export function DetailCard({ back, load, onRetry, loadingLabel, errorTitle, titleId, testId, children }: DetailCardProps) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <ButtonLink to={back.to} variant="ghost" size="sm" icon={<ArrowLeftIcon size={18} />}>
          {back.label}
        </ButtonLink>
      </div>
      <Card className="hb-rewards-card" aria-labelledby={load.status === 'ready' ? titleId : undefined} data-testid={testId}>
        {load.status === 'loading' ? <LoadingState label={loadingLabel} /> : null}
        {load.status === 'error' ? (
          <ErrorState title={errorTitle} retryLabel={t('rewards.common.retry')} onRetry={onRetry} details={errorReference(t, load.error)}>
            <p>{errorMessage(t, load.error)}</p>
          </ErrorState>
        ) : null}
        {load.status === 'ready' ? children : null}
      </Card>
    </>
  );
}
