import type { TFunction } from 'i18next';
import type { ErrorCode } from '@heyblue/contracts/all';
import type { networkErrorCode } from '../api/api-error.ts';
import en from './en.json' with { type: 'json' };

/** Every code a failed call can carry: the server's (declared in the contracts) and the app's own. */
export type KnownErrorCode = ErrorCode | typeof networkErrorCode;

/**
 * The sentence of every code, under `errors.<CODE>` in each language. Typed as a record of every
 * code, so the compiler rejects this line when a code declared in the contracts has no sentence.
 */
const englishSentences: Readonly<Record<KnownErrorCode, string>> = en.errors;

/** Whether the app has a sentence for this code. */
export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return Object.hasOwn(englishSentences, code);
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
