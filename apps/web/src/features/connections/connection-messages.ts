import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';

/** A friendly, translated sentence for a failed connections call, by its code (see the API contract). */
export function connectionErrorMessage(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case 'CONNECTIONS_OFFICERS_ONLY':
      return t('connections.errors.officersOnly');
    case 'CONNECTIONS_CITIZENS_ONLY':
      return t('connections.errors.citizensOnly');
    case 'CONNECTIONS_WINDOW_ALREADY_OPEN':
      return t('connections.errors.windowAlreadyOpen');
    case 'CONNECTIONS_NO_OPEN_WINDOW':
      return t('connections.errors.noOpenWindow');
    case 'CONNECTIONS_OFFICER_UNAVAILABLE':
      return t('connections.errors.officerUnavailable');
    case 'CONNECTIONS_NOT_NEAR':
      return t('connections.errors.notNear');
    case 'CONNECTIONS_TOO_MANY_PENDING':
      return t('connections.errors.tooManyPending');
    case 'CONNECTIONS_DECLINE_COOLDOWN':
      return t('connections.errors.declineCooldown');
    case 'CONNECTIONS_REQUEST_NOT_FOUND':
      return t('connections.errors.requestNotFound');
    case 'CONNECTIONS_REQUEST_NOT_PENDING':
      return t('connections.errors.requestNotPending');
    case 'CONNECTIONS_REQUEST_EXPIRED':
      return t('connections.errors.requestExpired');
    case 'CONNECTIONS_NO_LONGER_NEAR':
      return t('connections.errors.noLongerNear');
    case 'CONNECTIONS_PAIR_DAILY_LIMIT':
      return t('connections.errors.pairDailyLimit');
    case 'CONNECTIONS_QR_MALFORMED':
      return t('connections.errors.qrMalformed');
    case 'CONNECTIONS_QR_TAMPERED':
      return t('connections.errors.qrTampered');
    case 'CONNECTIONS_QR_EXPIRED':
      return t('connections.errors.qrExpired');
    case 'CONNECTIONS_QR_ALREADY_USED':
      return t('connections.errors.qrAlreadyUsed');
    case 'CONNECTIONS_QR_WRONG_AUDIENCE':
      return t('connections.errors.qrWrongAudience');
    case 'CONNECTIONS_QR_OWN_CODE':
      return t('connections.errors.qrOwnCode');
    case 'CONNECTIONS_QR_UNKNOWN_SHORT_CODE':
      return t('connections.errors.qrUnknownShortCode');
    case 'CONNECTIONS_QR_NOT_TOGETHER':
      return t('connections.errors.qrNotTogether');
    default:
      // Network, rate limit, validation, session: the app's usual sentences.
      return authErrorMessage(t, error);
  }
}

/** A translated sentence for a `location.rejected` message, by its code. */
export function locationRejectionMessage(t: TFunction, rejection: { code: string; message: string }): string {
  switch (rejection.code) {
    case 'CONNECTIONS_LOCATION_INVALID':
      return t('connections.location.rejected.invalid');
    case 'CONNECTIONS_LOCATION_STALE':
      return t('connections.location.rejected.stale');
    case 'CONNECTIONS_LOCATION_TOO_FREQUENT':
      return t('connections.location.rejected.tooFrequent');
    case 'CONNECTIONS_LOCATION_INACCURATE':
      return t('connections.location.rejected.inaccurate');
    case 'CONNECTIONS_LOCATION_FLAGGED':
      return t('connections.location.rejected.flagged');
    case 'CONNECTIONS_NO_OPEN_WINDOW':
      return t('connections.location.rejected.noOpenWindow');
    default:
      return t('connections.location.rejected.other', { message: rejection.message });
  }
}
