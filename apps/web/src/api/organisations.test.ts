import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addOfficerDomain,
  decideOrganisation,
  decodeRosterReport,
  listAudit,
  listMembers,
  listMyOrganisations,
  listOrganisationsForAdmin,
  listRoster,
} from './organisations.ts';
import type { AuthedApi } from './organisations.ts';
import type { RequestOptions } from './http.ts';

const organisation = {
  id: '1a97f6a0-8dbc-46e3-bd30-a9cb925dbebd',
  type: 'precinct',
  name: '5th Precinct',
  status: 'pending',
  createdAt: '2026-11-21T10:29:21.199Z',
  decidedAt: null,
  decisionNote: null,
};

/** A session stand-in that records calls and answers with `body`, run through the call's decoder. */
function fakeApi(body: unknown) {
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  const api: AuthedApi = {
    async get<T>(path: string, options?: RequestOptions<T>) {
      calls.push({ method: 'GET', path });
      return options?.decode ? options.decode(body) : (body as T);
    },
    async post<T>(path: string, sent?: unknown, options?: RequestOptions<T>) {
      calls.push({ method: 'POST', path, body: sent });
      return options?.decode ? options.decode(body) : (body as T);
    },
  };
  return { api, calls };
}

test('my organisations carry my role', async () => {
  const { api } = fakeApi({ organisations: [{ ...organisation, role: 'owner' }] });
  assert.deepEqual(await listMyOrganisations(api), [{ ...organisation, role: 'owner' }]);
});

test('an organisation of an unknown type, status or role, or without a name, is refused', async () => {
  for (const wrong of [{ type: 'bakery' }, { status: 'maybe' }, { role: 'boss' }, { name: undefined }]) {
    await assert.rejects(listMyOrganisations(fakeApi({ organisations: [{ ...organisation, role: 'owner', ...wrong }] }).api), TypeError);
  }
});

test('members and officer domains are read with their roles and statuses', async () => {
  const member = { accountId: '6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b', email: null, role: 'staff', since: '2026-11-21T10:29:21.199Z' };
  assert.deepEqual(await listMembers(fakeApi({ members: [member] }).api, 'o1'), [member]);
  await assert.rejects(listMembers(fakeApi({ members: [{ ...member, role: 'guest' }] }).api, 'o1'), TypeError);
  const added = { domain: 'police.example', status: 'pending', officersVerified: 2 };
  assert.deepEqual(await addOfficerDomain(fakeApi(added).api, 'o1', 'police.example'), added);
  await assert.rejects(addOfficerDomain(fakeApi({ ...added, status: 'maybe' }).api, 'o1', 'police.example'), TypeError);
});

test('a roster report keeps every rejected line with its reason', () => {
  const report = { rows: 5, accepted: 2, rejected: [{ line: 3, reason: 'name is empty' }], officersVerified: 1 };
  assert.deepEqual(decodeRosterReport(report), report);
  assert.throws(() => decodeRosterReport({ ...report, rows: '5' }), TypeError);
});

test('audit entries are read, with the numeric cursor as text', async () => {
  const entry = {
    id: 3,
    at: '2026-11-21T10:29:21.199Z',
    actorId: null,
    actorEmail: null,
    action: 'admin.granted',
    subjectType: 'account',
    subjectId: 'abc',
    correlationId: 'c',
    ip: null,
    details: { email: 'a@x.example' },
  };
  const page = await listAudit(fakeApi({ entries: [entry], next: 3 }).api, { limit: 1 });
  assert.equal(page.next, '3');
  assert.deepEqual(page.items, [entry]);
  await assert.rejects(listAudit(fakeApi({ entries: [{ ...entry, id: '3' }], next: null }).api, { limit: 1 }), TypeError);
  await assert.rejects(listAudit(fakeApi({ entries: [{ ...entry, action: undefined }], next: null }).api, { limit: 1 }), TypeError);
});

test('list calls put their paging in the query string', async () => {
  const roster = fakeApi({ entries: [], next: null });
  await listRoster(roster.api, 'org 1', { limit: 25, after: 'b@x.example' });
  assert.equal(roster.calls[0]?.path, '/api/v1/organisations/org%201/roster?limit=25&after=b%40x.example');

  const admin = fakeApi({ organisations: [organisation], next: organisation.createdAt });
  const page = await listOrganisationsForAdmin(admin.api, { status: 'pending', limit: 10 });
  assert.equal(admin.calls[0]?.path, '/api/v1/admin/organisations?status=pending&limit=10');
  assert.equal(page.next, organisation.createdAt);

  const audit = fakeApi({ entries: [], next: null });
  await listAudit(audit.api, { limit: 50, before: '120' });
  assert.equal(audit.calls[0]?.path, '/api/v1/admin/audit?limit=50&before=120');
});

test('a decision sends a note only when there is one', async () => {
  const { api, calls } = fakeApi(undefined);
  await decideOrganisation(api, 'o1', { approve: true, note: '   ' });
  await decideOrganisation(api, 'o1', { approve: false, note: ' Not a real shop ' });
  assert.deepEqual(calls.map((call) => call.body), [{ approve: true }, { approve: false, note: 'Not a real shop' }]);
  assert.equal(calls[0]?.path, '/api/v1/admin/organisations/o1/decision');
});
