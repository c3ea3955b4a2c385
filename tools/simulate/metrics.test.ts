import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buckets, byLabel, delta, histogramQuantile, parseMetrics, valueOf } from './metrics.ts';

const text = (accepted: number, le: [number, number, number]) => `# HELP heyblue_location_fixes_total Location fixes received
# TYPE heyblue_location_fixes_total counter
heyblue_location_fixes_total{outcome="accepted"} ${accepted}
heyblue_location_fixes_total{outcome="CONNECTIONS_LOCATION_TOO_FREQUENT"} 3
heyblue_location_fix_seconds_bucket{le="0.0001"} ${le[0]}
heyblue_location_fix_seconds_bucket{le="0.001"} ${le[1]}
heyblue_location_fix_seconds_bucket{le="+Inf"} ${le[2]}
heyblue_process_resident_memory_bytes 1048576
`;

describe('reading the server metrics', () => {
  test('values by name and labels, and series by one label', () => {
    const s = parseMetrics(text(10, [1, 2, 3]));
    assert.equal(valueOf(s, 'heyblue_process_resident_memory_bytes'), 1_048_576);
    assert.equal(valueOf(s, 'heyblue_location_fixes_total', { outcome: 'accepted' }), 10);
    assert.deepEqual(byLabel(s, 'heyblue_location_fixes_total', 'outcome'), { accepted: 10, CONNECTIONS_LOCATION_TOO_FREQUENT: 3 });
    assert.equal(valueOf(s, 'absent'), 0);
  });

  test('deltas between two scrapes, for counters and histogram buckets', () => {
    const before = parseMetrics(text(10, [1, 2, 3]));
    const after = parseMetrics(text(110, [81, 101, 103]));
    assert.equal(delta(before, after, 'heyblue_location_fixes_total', { outcome: 'accepted' }), 100);
    assert.deepEqual(buckets(after, 'heyblue_location_fix_seconds', before), [{ le: 0.0001, count: 80 }, { le: 0.001, count: 99 }, { le: Infinity, count: 100 }]);
  });

  test('quantiles interpolate inside the bucket the rank falls in, as Prometheus does', () => {
    const cumulative = [{ le: 0.0001, count: 80 }, { le: 0.001, count: 100 }, { le: Infinity, count: 100 }];
    assert.equal(histogramQuantile(0.4, cumulative), 0.00005);
    assert.ok(Math.abs(histogramQuantile(0.9, cumulative) - 0.00055) < 1e-12);
    assert.ok(Number.isNaN(histogramQuantile(0.5, [{ le: Infinity, count: 0 }])));
    assert.equal(histogramQuantile(0.99, [{ le: 0.001, count: 1 }, { le: Infinity, count: 100 }]), 0.001, 'past the last finite bucket: its bound');
  });
});
