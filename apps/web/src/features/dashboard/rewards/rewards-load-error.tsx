import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/api-error.ts';
import { ErrorState } from '../../../ui/index.ts';
import { errorReference } from '../../../i18n/error-messages.ts';
import { isOrganisationUnknown, rewardsErrorMessage } from './rewards-errors.ts';

export interface RewardsLoadErrorProps {
  /** What could not be loaded, e.g. "We couldn't load your offers". */
  title: string;
  error: ApiError;
  onRetry: () => void;
}

/**
 * A failed load, in words, with a retry. Rewards learns of a newly approved organisation a few
 * seconds after the approval; that case says so rather than sounding like a failure.
 */
export function RewardsLoadError({ title, error, onRetry }: RewardsLoadErrorProps) {
  const { t } = useTranslation();
  const settingUp = isOrganisationUnknown(error);
  return (
    <ErrorState title={settingUp ? t('partnerRewards.common.settingUpTitle') : title} details={errorReference(t, error)} retryLabel={t('dashboard.common.retry')} onRetry={onRetry}>
      <p>{settingUp ? t('partnerRewards.common.settingUpBody') : rewardsErrorMessage(t, error)}</p>
    </ErrorState>
  );
}
