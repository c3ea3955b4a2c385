import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.ts';
import { AlertIcon, Notice } from '../../../ui/index.ts';
import { errorDetails } from '../dashboard-errors.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';
import type { TillRefusal } from './till-state.ts';

/** Why the till refused a code, in words, with the error code under it for support. */
export function TillRefusalNotice({ refusal }: { refusal: TillRefusal }) {
  const { t } = useTranslation();
  const error = new ApiError({ status: 0, code: refusal.code, message: refusal.message, requestId: refusal.requestId });
  return (
    <Notice tone="error" role="alert" icon={<AlertIcon />} title={rewardsErrorMessage(t, error)}>
      <dl className="hb-pr-refusal-details" data-testid="till-error-code">
        {errorDetails(t, error).map((detail) => (
          <div key={detail.label}>
            <dt>{detail.label}</dt>
            <dd>
              <code>{detail.value}</code>
            </dd>
          </div>
        ))}
      </dl>
    </Notice>
  );
}
