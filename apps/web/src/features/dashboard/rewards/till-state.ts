/**
 * The till's steps for one customer: a code comes in (scanned or typed) and is checked; a valid
 * voucher can be marked used; then the till is ready for the next customer, showing what it just took.
 */
import type { TillVoucher } from '../../../api/partner-rewards.ts';

/** A refusal at the till: the server's error code (or the app's own, for a code of the wrong shape). */
export interface TillRefusal {
  code: string;
  /** The HTTP status of the refusal (0 when the app refused by itself or the server did not answer). */
  status: number;
  requestId?: string | undefined;
}

/** Where the till is. */
export type TillState =
  | { step: 'ready'; lastUsed: TillVoucher | undefined }
  | { step: 'checking'; code: string }
  | { step: 'checked'; code: string; voucher: TillVoucher }
  | { step: 'using'; code: string; voucher: TillVoucher }
  | { step: 'refused'; code: string; refusal: TillRefusal; voucher: TillVoucher | undefined };

/** What happens at the till. */
export type TillEvent =
  | { type: 'check'; code: string }
  | { type: 'checked'; voucher: TillVoucher }
  | { type: 'use' }
  | { type: 'used'; voucher: TillVoucher }
  | { type: 'refused'; refusal: TillRefusal }
  /** The voucher as it stands now, read again after a refused use (another till may have used it). */
  | { type: 'refreshed'; voucher: TillVoucher }
  | { type: 'next' };

/** The till when it opens. */
export const initialTill: TillState = { step: 'ready', lastUsed: undefined };

/** The till after `event`; events that do not fit the current step change nothing. */
export function tillReducer(state: TillState, event: TillEvent): TillState {
  switch (event.type) {
    case 'check':
      return state.step === 'checking' || state.step === 'using' ? state : { step: 'checking', code: event.code };
    case 'checked':
      return state.step === 'checking' ? { step: 'checked', code: state.code, voucher: event.voucher } : state;
    case 'use':
      return state.step === 'checked' && state.voucher.status === 'active' ? { step: 'using', code: state.code, voucher: state.voucher } : state;
    case 'used':
      return state.step === 'using' ? { step: 'ready', lastUsed: event.voucher } : state;
    case 'refused':
      if (state.step === 'checking') return { step: 'refused', code: state.code, refusal: event.refusal, voucher: undefined };
      if (state.step === 'using') return { step: 'refused', code: state.code, refusal: event.refusal, voucher: state.voucher };
      return state;
    case 'refreshed':
      return state.step === 'refused' && state.voucher?.id === event.voucher.id ? { ...state, voucher: event.voucher } : state;
    case 'next':
      return state.step === 'checking' || state.step === 'using' ? state : initialTill;
  }
}

/** Whether the till is waiting for the server. */
export function tillBusy(state: TillState): boolean {
  return state.step === 'checking' || state.step === 'using';
}
