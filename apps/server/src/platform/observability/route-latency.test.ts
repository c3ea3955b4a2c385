import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Registry } from 'prom-client';
import { RouteLatencyHistogram } from './route-latency.ts';

test('renders cumulative buckets, sum and count per method, route and status', async () => {
  const registry = new Registry();
  const histogram = new RouteLatencyHistogram(registry, [0.01, 0.1]);
  histogram.observe('GET', '/api/v1/meta', 200, 0.005);
  histogram.observe('GET', '/api/v1/meta', 200, 0.05);
  histogram.observe('GET', '/api/v1/meta', 200, 3);
  histogram.observe('POST', '/api/v1/things', 400, 0.002);
  const text = await registry.metrics();
  assert.match(text, /# TYPE heyblue_http_request_duration_seconds histogram/);
  assert.match(text, /heyblue_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/meta",status="200",le="0.01"\} 1\n/);
  assert.match(text, /heyblue_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/meta",status="200",le="0.1"\} 2\n/);
  assert.match(text, /heyblue_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/meta",status="200",le="\+Inf"\} 3\n/);
  assert.match(text, /heyblue_http_request_duration_seconds_sum\{method="GET",route="\/api\/v1\/meta",status="200"\} 3.055/);
  assert.match(text, /heyblue_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/things",status="400"\} 1/);
});
