import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error.ts';
import { missingColumnsOf } from './roster-reasons.ts';

/**
 * A translated sentence for an error of the dashboard's calls, by its code. Codes the app does not
 * know fall back to the server's own (English) message.
 */
export function dashboardErrorMessage(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case 'NETWORK_ERROR':
      return t('dashboard.errors.network');
    case 'PLATFORM_UNAVAILABLE':
      return t('dashboard.errors.unavailable');
    case 'PLATFORM_FORBIDDEN':
      return t('dashboard.errors.forbidden');
    case 'IDENTITY_ORGANISATION_NOT_FOUND':
    case 'PLATFORM_NOT_FOUND':
      return t('dashboard.errors.notFound');
    case 'PLATFORM_RATE_LIMITED':
      return t('dashboard.errors.rateLimited');
    case 'PLATFORM_VALIDATION_FAILED':
      return t('dashboard.errors.validation');
    case 'PLATFORM_UNAUTHENTICATED':
    case 'IDENTITY_REFRESH_INVALID':
    case 'IDENTITY_REFRESH_REUSED':
      return t('dashboard.errors.sessionEnded');
    case 'IDENTITY_ALREADY_MEMBER':
      return t('dashboard.errors.alreadyMember');
    case 'IDENTITY_ADDRESS_INVALID':
      return t('dashboard.errors.addressInvalid');
    case 'IDENTITY_DELIVERY_FAILED':
      return t('dashboard.errors.deliveryFailed');
    case 'IDENTITY_ORGANISATION_NOT_PENDING':
      return t('dashboard.errors.notPending');
    case 'IDENTITY_DOMAIN_INVALID':
      return t('dashboard.errors.domainInvalid');
    case 'IDENTITY_ROSTER_NOT_CSV': {
      const missing = missingColumnsOf(error.message);
      return missing && missing.length > 0 ? t('dashboard.errors.rosterMissingColumns', { columns: missing.join(', ') }) : t('dashboard.errors.rosterNotCsv');
    }
    case 'IDENTITY_ROSTER_TOO_LARGE':
      return t('dashboard.errors.rosterTooManyRows');
    case 'PLATFORM_BODY_TOO_LARGE':
      return t('dashboard.errors.rosterTooBig');
    default:
      return error.message;
  }
}

/** The code and reference lines an error state shows, so support can find the request. */
export function errorDetails(t: TFunction, error: ApiError): Array<{ label: string; value: string }> {
  return [
    { label: t('dashboard.common.errorCode'), value: error.code },
    ...(error.requestId ? [{ label: t('dashboard.common.reference'), value: error.requestId }] : []),
  ];
}
