import type { TFunction } from 'i18next';
import { isErrorCode } from '@heyblue/contracts/all';
import type { ErrorCode } from '@heyblue/contracts/all';
import { networkErrorCode } from '../api/api-error.ts';

/** Every code a failed call can carry: the server's (declared in the contracts) and the app's own. */
export type KnownErrorCode = ErrorCode | typeof networkErrorCode;

/**
 * Whether the app has a sentence for this code, under `errors.<CODE>` in each language: every code the
 * contracts declare has one, and the app's own (the compiler checks the English keys where
 * `errorMessage` names them; error-messages.test.ts checks both languages).
 */
export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return code === networkErrorCode || isErrorCode(code);
}

/** A failed call as far as telling a person goes: its code, and its HTTP status when there was an answer. */
export interface Failure {
  readonly code: string;
  readonly status?: number | undefined;
}

/**
 * The one way an error reaches a person: the translated sentence of its code. A code this app does
 * not know (a newer server's) gets a sentence for its kind of failure; never the code itself, nor
 * the server's English message.
 */
export function errorMessage(t: TFunction, failure: Failure): string {
  if (isKnownErrorCode(failure.code)) return t(`errors.${failure.code}`);
  return (failure.status ?? 0) >= 500 ? t('errorFallback.server') : t('errorFallback.request');
}

/** What an error state shows under its sentence so support can find the request: its reference, when the server gave one. */
export function errorReference(t: TFunction, error: { readonly requestId?: string | undefined }): Array<{ label: string; value: string }> {
  return error.requestId ? [{ label: t('errorReference'), value: error.requestId }] : [];
}
