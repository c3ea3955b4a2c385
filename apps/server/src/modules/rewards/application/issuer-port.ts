/** A call to an offer's external issuer. */
export interface IssueRequest {
  readonly url: string;
  /** The offer's shared secret: the request is signed with it. */
  readonly secret: string;
  /** Also the idempotency key: the issuer answers a repeated call with the same code. */
  readonly voucherId: string;
  readonly offerId: string;
  readonly points: number;
  readonly validUntil: Date;
}

/** What the issuer said: a code, a refusal, or nothing usable (timeout, 5xx, connection lost) — retried. */
export type IssuerAnswer = { readonly kind: 'issued'; readonly code: string } | { readonly kind: 'rejected'; readonly reason: string } | { readonly kind: 'unavailable'; readonly reason: string };

/** Calls external issuers. */
export interface IssuerClient {
  issue(request: IssueRequest): Promise<IssuerAnswer>;
}
