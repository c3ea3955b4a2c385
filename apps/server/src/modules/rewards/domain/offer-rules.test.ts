import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offerIsOpen, voucherValidUntil, type OfferTerms } from './offer-rules.ts';

const terms = (fields: Partial<OfferTerms> = {}): OfferTerms => ({ status: 'active', startsAt: new Date('2030-05-01T00:00:00Z'), endsAt: null, voucherValidDays: 30, ...fields });
const now = new Date('2030-05-10T12:00:00Z');

describe('offer terms', () => {
  it('an offer can be redeemed while active and between its dates', () => {
    assert.equal(offerIsOpen(terms(), now), true);
    assert.equal(offerIsOpen(terms({ status: 'paused' }), now), false);
    assert.equal(offerIsOpen(terms({ startsAt: new Date('2030-05-11T00:00:00Z') }), now), false, 'not started');
    assert.equal(offerIsOpen(terms({ endsAt: now }), now), false, 'ended at this moment');
  });

  it('a voucher is valid for the offer’s days after issue, never past the offer’s end', () => {
    assert.equal(voucherValidUntil(terms(), now).toISOString(), '2030-06-09T12:00:00.000Z');
    assert.equal(voucherValidUntil(terms({ endsAt: new Date('2030-05-20T00:00:00Z') }), now).toISOString(), '2030-05-20T00:00:00.000Z');
  });
});
