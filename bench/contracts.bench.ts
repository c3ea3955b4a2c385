// How much checking an answer against its contract costs the web, where the page's CSP has no
// 'unsafe-eval' and TypeBox falls back from compiled checks to its interpreter. Measures checks per
// second of real answers (a page of 20 connections, the nearby list, a live push) compiled and
// interpreted, and compiled ahead of time (what the web runs: packages/contracts/scripts/precompile.ts),
// against the anchor the client pays anyway: JSON.parse of the same text.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConnectionPage, NearbyAnswer, NearbyEnteredMessage } from '@heyblue/contracts/connections';
import { precompiledChecks } from '@heyblue/contracts/connections/checks';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Settings } from 'typebox/system';

const ROUND_MS = Number(process.env['BENCH_ROUND_MS'] ?? 1_000);

/** A value that fits `schema`: every property present, arrays of `n`, the first non-null variant of a union. */
function sample(schema: unknown, n: number): unknown {
  if (typeof schema !== 'object' || schema === null) return null;
  const s = new Map(Object.entries(schema));
  if (s.has('const')) return s.get('const');
  const anyOf = s.get('anyOf');
  if (Array.isArray(anyOf)) return sample(anyOf.find((v: unknown) => !(typeof v === 'object' && v !== null && 'type' in v && v.type === 'null')) ?? anyOf[0], n);
  const allOf = s.get('allOf');
  if (Array.isArray(allOf)) return Object.assign({}, ...allOf.map((part: unknown) => sample(part, n)));
  switch (s.get('type')) {
    case 'object': {
      const properties = s.get('properties');
      return Object.fromEntries(Object.entries(typeof properties === 'object' && properties !== null ? properties : {}).map(([key, value]) => [key, sample(value, n)]));
    }
    case 'array':
      return Array.from({ length: n }, () => sample(s.get('items'), n));
    case 'string':
      return s.get('format') === 'uuid' ? randomUUID() : s.get('format') === 'date-time' ? new Date().toISOString() : 'Midtown North Precinct';
    case 'integer':
      return Math.max(Number(s.get('minimum') ?? 0), 7);
    case 'number':
      return 40.7527;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** Operations a second over a round of ROUND_MS. */
function rate(work: () => void): number {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < ROUND_MS) {
    for (let i = 0; i < 100; i++) work();
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

const answers: Array<{ name: string; schema: TSchema; n: number }> = [
  { name: 'connectionPage', schema: ConnectionPage, n: 20 },
  { name: 'nearby', schema: NearbyAnswer, n: 10 },
  { name: 'nearbyEnteredPush', schema: NearbyEnteredMessage, n: 1 },
];

const figures: Record<string, number> = {};
const anchors: Record<string, number> = {};
const ratios: Record<string, number> = {};
for (const { name, schema, n } of answers) {
  const text = JSON.stringify(sample(schema, n));
  const value: unknown = JSON.parse(text);
  Settings.Set({ useAcceleration: true });
  const compiled = Compile(schema);
  Settings.Set({ useAcceleration: false });
  const interpreted = Compile(schema);
  if (!compiled.Check(value) || !interpreted.Check(value)) throw new Error(`the ${name} sample does not fit its schema: ${JSON.stringify(compiled.Errors(value)[0])}`);
  if (compiled.IsAccelerated() === interpreted.IsAccelerated()) throw new Error('could not turn acceleration off');
  const precompiled = precompiledChecks.get(schema);
  if (!precompiled) throw new Error(`${name} has no ahead-of-time check`);
  if (!precompiled(value)) throw new Error(`the ahead-of-time ${name} check refuses the sample`);
  anchors[`${name}JsonParsePerSecond`] = Math.round(rate(() => JSON.parse(text)));
  figures[`${name}CompiledChecksPerSecond`] = Math.round(rate(() => compiled.Check(value)));
  figures[`${name}InterpretedChecksPerSecond`] = Math.round(rate(() => interpreted.Check(value)));
  figures[`${name}PrecompiledChecksPerSecond`] = Math.round(rate(() => precompiled(value)));
  figures[`${name}PrecompiledMicrosPerCheck`] = Number((1e6 / (figures[`${name}PrecompiledChecksPerSecond`] ?? 1)).toFixed(2));
  ratios[`${name}PrecompiledCheckVsJsonParse`] = Number(((anchors[`${name}JsonParsePerSecond`] ?? 0) / (figures[`${name}PrecompiledChecksPerSecond`] ?? 1)).toFixed(3));
  figures[`${name}InterpretedMicrosPerCheck`] = Number((1e6 / (figures[`${name}InterpretedChecksPerSecond`] ?? 1)).toFixed(2));
  figures[`${name}Bytes`] = text.length;
  ratios[`${name}InterpretedCheckVsJsonParse`] = Number(((anchors[`${name}JsonParsePerSecond`] ?? 0) / (figures[`${name}InterpretedChecksPerSecond`] ?? 1)).toFixed(2));
  ratios[`${name}InterpretedVsCompiled`] = Number(((figures[`${name}CompiledChecksPerSecond`] ?? 0) / (figures[`${name}InterpretedChecksPerSecond`] ?? 1)).toFixed(2));
  console.log(`${name} (${text.length} bytes): JSON.parse ${anchors[`${name}JsonParsePerSecond`]}/s, compiled ${figures[`${name}CompiledChecksPerSecond`]}/s, interpreted ${figures[`${name}InterpretedChecksPerSecond`]}/s, ahead of time ${figures[`${name}PrecompiledChecksPerSecond`]}/s`);
}
console.log(JSON.stringify({ bench: 'contracts', figures, anchors, ratios, targets: {}, setup: { roundMs: ROUND_MS, node: process.version, loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') } }));
