import { defineErrors } from '../shared/errors.ts';

/** Connections' error codes: HTTP answers and websocket `location.rejected` codes. */
export const connectionsErrors = defineErrors({
  CONNECTIONS_OFFICERS_ONLY: { status: 403, message: 'Only verified officers can do this.' },
  CONNECTIONS_CITIZENS_ONLY: { status: 403, message: 'Only citizens can ask officers to connect.' },
  CONNECTIONS_WINDOW_ALREADY_OPEN: { status: 409, message: 'You are already available; extend or stop that window.' },
  CONNECTIONS_NO_OPEN_WINDOW: { status: 409, message: 'You are not available right now.' },
  CONNECTIONS_MODE_REQUIRED: { status: 400, message: 'Choose in person, virtual, or both.' },
  CONNECTIONS_OFFICER_UNAVAILABLE: { status: 409, message: 'That officer is not available for this kind of connection right now.' },
  CONNECTIONS_NOT_NEAR: { status: 409, message: 'That officer is not near you.' },
  CONNECTIONS_TOO_MANY_PENDING: { status: 429, message: 'You have too many requests waiting; wait for an answer or cancel one.' },
  CONNECTIONS_DECLINE_COOLDOWN: { status: 429, message: 'That officer declined recently; try again later.' },
  CONNECTIONS_REQUEST_NOT_FOUND: { status: 404, message: 'There is no such request.' },
  CONNECTIONS_REQUEST_NOT_PENDING: { status: 409, message: 'That request has already been answered.' },
  CONNECTIONS_REQUEST_EXPIRED: { status: 409, message: 'That request has expired.' },
  CONNECTIONS_NO_LONGER_NEAR: { status: 409, message: 'You are no longer near each other.' },
  CONNECTIONS_PAIR_DAILY_LIMIT: { status: 429, message: 'You two have connected as often as allowed today.' },
  CONNECTIONS_QR_MALFORMED: { status: 400, message: 'That is not a Hey Blue! connection code.' },
  CONNECTIONS_QR_TAMPERED: { status: 400, message: 'That code’s signature does not match; it was altered or forged.' },
  CONNECTIONS_QR_EXPIRED: { status: 410, message: 'That code has expired; ask for the new one on screen.' },
  CONNECTIONS_QR_ALREADY_USED: { status: 409, message: 'That code has already been used.' },
  CONNECTIONS_QR_WRONG_AUDIENCE: { status: 403, message: 'That code is not meant for you: an officer’s code is for citizens, a citizen’s for officers.' },
  CONNECTIONS_QR_OWN_CODE: { status: 400, message: 'That is your own code.' },
  CONNECTIONS_QR_UNKNOWN_SHORT_CODE: { status: 404, message: 'No live code has those characters; check them or scan the QR code.' },
  CONNECTIONS_QR_NOT_TOGETHER: { status: 409, message: 'Your phones say you are not in the same place.' },
  CONNECTIONS_LOCATION_INVALID: { status: 400, message: 'A location needs lat (-90..90), lon (-180..180), accuracy in metres and at (epoch ms).' },
  CONNECTIONS_LOCATION_STALE: { status: 400, message: 'That location fix is too old, or from the future.' },
  CONNECTIONS_LOCATION_TOO_FREQUENT: { status: 429, message: 'Send at most one location a second; this one was dropped.' },
  CONNECTIONS_LOCATION_INACCURATE: { status: 400, message: 'That location fix is too imprecise to use.' },
  CONNECTIONS_LOCATION_FLAGGED: { status: 400, message: 'That location is implausibly far from your last one; it was not used.' },
});

/** A code from this module's list. */
export type ConnectionsErrorCode = keyof typeof connectionsErrors;
