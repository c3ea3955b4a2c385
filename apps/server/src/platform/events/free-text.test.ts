import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import { eventCatalogOf, productModules } from '../../composition.ts';
import { freeTextFields } from './free-text.ts';

/**
 * Strings in events that carry no bound in their schema but are not what a person wrote, each with
 * why it may stay in the event history. Prefer giving the field a format, enum or pattern.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'platform.instance-started.v1/instanceId': 'a random id the server made for its own process',
  'platform.instance-started.v1/version': 'the server version, from the build',
  'platform.instance-stopped.v1/instanceId': 'a random id the server made for its own process',
  'platform.instance-stopped.v1/reason': 'a signal name or shutdown cause the server chose, not user text',
  'identity.officer-verified.v1/precinctName': 'an organisation’s public name, approved by an admin and shown on profiles',
  'identity.organisation-approved.v1/name': 'an organisation’s public name, approved by an admin',
  'connections.connection-made.v1/cell': 'a coarse H3 cell the server computed',
  'connections.connection-made.v1/zip': 'a ZIP code the server looked up for that cell',
  'rewards.points-awarded.v1/ruleName': 'an earning rule’s name, written by an admin and versioned',
  'rewards.redemption-failed.v1/reason': 'an error code from the contracts',
};

test('no event carries free text: every string field of every payload is bounded, or allowed with a reason', () => {
  const found = Object.entries(eventCatalogOf(Object.values(productModules))).flatMap(([type, definition]) => freeTextFields(definition.payload).map((field) => `${type}${field}`));
  assert.deepEqual(found.filter((field) => !(field in ALLOWED)), [], 'give these fields a format, enum, pattern or short maxLength, or (if they are not what a person wrote) allow them above with why');
  assert.deepEqual(Object.keys(ALLOWED).filter((field) => !found.includes(field)), [], 'these allowed fields no longer need allowing: remove them');
});

test('the free-text check flags an unbounded or long string anywhere in a payload, and passes ids, codes and short labels', () => {
  const payload = Type.Object({
    id: Type.String({ format: 'uuid' }),
    kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
    code: Type.String({ pattern: '^[A-Z_]+$' }),
    label: Type.String({ maxLength: 40 }),
    note: Type.String(),
    bio: Type.String({ maxLength: 500 }),
    lines: Type.Array(Type.Object({ text: Type.Union([Type.String(), Type.Null()]) })),
    extra: Type.Optional(Type.Record(Type.String(), Type.String())),
  });
  assert.deepEqual(freeTextFields(payload), ['/note', '/bio', '/lines/*/text', '/extra/*']);
});
