import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.ts';
import { errorReference } from '../../../i18n/error-messages.ts';
import { AlertIcon, Notice } from '../../../ui/index.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';
import type { TillRefusal } from './till-state.ts';

/** Why the till refused a code, in words, with the request's reference under it for support. */
export function TillRefusalNotice({ refusal }: { refusal: TillRefusal }) {
  const { t } = useTranslation();
  const error = new ApiError({ status: refusal.status, code: refusal.code, message: '', requestId: refusal.requestId });
  const reference = errorReference(t, error);
  return (
    <Notice tone="error" role="alert" icon={<AlertIcon />} title={rewardsErrorMessage(t, error)}>
      {reference.length > 0 ? (
        <dl className="hb-pr-refusal-details" data-testid="till-reference">
          {reference.map((detail) => (
            <div key={detail.label}>
              <dt>{detail.label}</dt>
              <dd>
                <code>{detail.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </Notice>
  );
}
