import type { TFunction } from 'i18next';
import { errorMessage } from '../../i18n/error-messages.ts';

/**
 * A translated sentence for a `location.rejected` message, by its code: "you are not available"
 * said of a position that was not used; every other code as the app says it everywhere.
 */
export function locationRejectionMessage(t: TFunction, rejection: { code: string }): string {
  return rejection.code === 'CONNECTIONS_NO_OPEN_WINDOW' ? t('connections.location.rejected.noOpenWindow') : errorMessage(t, rejection);
}
