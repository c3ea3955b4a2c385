import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { missingColumnsOf } from './roster-reasons.ts';

/**
 * A translated sentence for an error of the dashboard's calls: what only the dashboard's context can
 * say (an invitation goes by email, a roster misses columns or is a file too big), and every other
 * code as the app says it everywhere.
 */
export function dashboardErrorMessage(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case 'IDENTITY_ADDRESS_INVALID':
      return t('dashboard.errors.addressInvalid');
    case 'IDENTITY_DELIVERY_FAILED':
      return t('dashboard.errors.deliveryFailed');
    case 'IDENTITY_ROSTER_NOT_CSV': {
      const missing = missingColumnsOf(error.message);
      return missing && missing.length > 0 ? t('dashboard.errors.rosterMissingColumns', { columns: missing.join(', ') }) : errorMessage(t, error);
    }
    case 'PLATFORM_BODY_TOO_LARGE':
      return t('dashboard.errors.rosterTooBig');
    default:
      return errorMessage(t, error);
  }
}
