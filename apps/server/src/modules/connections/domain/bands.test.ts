import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandFor, isNear } from './bands.ts';

describe('distance bands and nearness', () => {
  it('says within about 500 m up to 500 m from the cell centre, within about 1 km beyond', () => {
    assert.equal(bandFor(120, undefined), 'within-500m');
    assert.equal(bandFor(500, undefined), 'within-500m');
    assert.equal(bandFor(501, undefined), 'within-1km');
  });
  it('keeps the nearer band within a 100 m margin, so the edge does not flicker', () => {
    assert.equal(bandFor(560, 'within-500m'), 'within-500m');
    assert.equal(bandFor(601, 'within-500m'), 'within-1km');
  });
  it('comes near at the radius and goes away only past radius plus margin', () => {
    assert.equal(isNear(1000, 1000, false, 250), true);
    assert.equal(isNear(1100, 1000, false, 250), false);
    assert.equal(isNear(1100, 1000, true, 250), true);
    assert.equal(isNear(1251, 1000, true, 250), false);
  });
});
