/**
 * The reporting store (migration 0012) on both databases: settings, handlers, cases seen by the right handlers,
 * ordered messages with the handler awaited or not, retention deletion, and what the tables refuse.
 */
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import type { NewReportCase } from '../../src/store/reporting-types.ts';
import { testEachDialect } from './each-dialect.ts';

async function organisationRow(store: KyselyStore, code: string): Promise<number> {
  const row = await store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const report = (organisationId: number, n: number, extra: Partial<NewReportCase> = {}): NewReportCase => ({
  organisationId, receiptHash: `hash-${n}`, route: 'anonymous', category: 'colleagues', directorate: null, wanted: 'heard',
  content: `sealed-${n}`, contact: null, handlerRole: 'dignity-at-work', receivedOn: '2026-03-10', ...extra,
});

testEachDialect('settings and handlers are kept for each organisation', async ({ store }) => {
  const a = await organisationRow(store, 'RXX');
  const b = await organisationRow(store, 'RYY');
  assert.equal(await store.reporting.settings(a), null);
  const settings = {
    categories: [{ key: 'colleagues', label: 'From colleagues' }], directorates: [{ key: 'surgery', label: 'Surgery' }],
    handlerRoles: [{ key: 'hr', label: 'HR' }], routing: { colleagues: 'hr' }, retentionMonths: 6,
  };
  await store.reporting.saveSettings(a, settings);
  await store.reporting.saveSettings(a, { ...settings, retentionMonths: 9 });
  assert.deepEqual(await store.reporting.settings(a), { ...settings, retentionMonths: 9 });
  await assert.rejects(store.reporting.saveSettings(b, { ...settings, retentionMonths: 0 }), 'retention is at least a month');

  const ada = await store.users.create({ email: 'ada@trust.nhs.uk', displayName: 'Ada', administrator: false });
  const bo = await store.users.create({ email: 'bo@trust.nhs.uk', displayName: 'Bo', administrator: false });
  await store.reporting.setHandler(a, 'hr', ada.id, true);
  await store.reporting.setHandler(a, 'hr', ada.id, true);
  await store.reporting.setHandler(a, 'edi-lead', ada.id, true);
  await store.reporting.setHandler(b, 'hr', bo.id, true);
  assert.deepEqual((await store.reporting.handlers(a)).map((h) => [h.roleKey, h.displayName]), [['edi-lead', 'Ada'], ['hr', 'Ada']]);
  assert.deepEqual((await store.reporting.handlerOrganisations(ada.id)).map((o) => [o.organisation.code, o.roles]), [['RXX', ['edi-lead', 'hr']]]);
  await store.users.setActive(ada.id, false);
  assert.deepEqual(await store.reporting.handlers(a), [], 'an inactive account handles nothing');
  await store.reporting.setHandler(a, 'hr', ada.id, false);
  assert.deepEqual((await store.reporting.handlerOrganisations(ada.id)).map((o) => o.roles), [['edi-lead']]);
});

testEachDialect('cases are seen by their assignee, or while unassigned by their role; messages are ordered; closed cases are deleted whole', async ({ store }) => {
  const a = await organisationRow(store, 'RXX');
  const b = await organisationRow(store, 'RYY');
  const ada = await store.users.create({ email: 'ada@trust.nhs.uk', displayName: 'Ada', administrator: false });
  const first = await store.reporting.createCase(report(a, 1));
  const second = await store.reporting.createCase(report(a, 2, { handlerRole: 'hr', route: 'confidential', contact: 'sealed-contact' }));
  const other = await store.reporting.createCase(report(b, 3));
  await assert.rejects(store.reporting.createCase(report(a, 1)), 'a receipt hash is unique');
  await assert.rejects(store.reporting.createCase(report(a, 4, { contact: 'x' })), 'an anonymous report has no contact');

  assert.deepEqual((await store.reporting.casesVisibleTo(a, ada.id, ['dignity-at-work'])).map((c) => c.id), [first]);
  assert.deepEqual((await store.reporting.casesVisibleTo(a, ada.id, [])).map((c) => c.id), []);
  assert.deepEqual(await store.reporting.unassignedRoles(a), ['dignity-at-work', 'hr']);
  assert.equal(await store.reporting.caseById(a, other), null, 'another organisation\'s case is not found');
  assert.equal((await store.reporting.caseByReceiptHash('hash-2'))?.contact, 'sealed-contact');

  await store.reporting.updateCase(second, { assignedUserId: ada.id, status: 'assigned' });
  assert.deepEqual(await store.reporting.unassignedRoles(a), ['dignity-at-work']);
  assert.deepEqual((await store.reporting.casesVisibleTo(a, ada.id, ['dignity-at-work'])).map((c) => c.id), [second, first], 'newest first');

  assert.equal(await store.reporting.addMessage(second, { kind: 'handler', body: 'm1', authorUserId: ada.id, writtenOn: '2026-03-11' }), 1);
  assert.equal((await store.reporting.caseById(a, second))?.awaitingHandler, false);
  assert.equal(await store.reporting.addMessage(second, { kind: 'note', body: 'n2', authorUserId: ada.id, writtenOn: '2026-03-11' }), 2);
  assert.equal((await store.reporting.caseById(a, second))?.awaitingHandler, false, 'a note does not change who is awaited');
  assert.equal(await store.reporting.addMessage(second, { kind: 'reporter', body: 'm3', authorUserId: null, writtenOn: '2026-03-12' }), 3);
  assert.equal((await store.reporting.caseById(a, second))?.awaitingHandler, true);
  assert.deepEqual((await store.reporting.messages(second)).map((m) => [m.sequence, m.kind, m.body, m.authorName]), [[1, 'handler', 'm1', 'Ada'], [2, 'note', 'n2', 'Ada'], [3, 'reporter', 'm3', null]]);
  await assert.rejects((store.db as Kysely<any>).insertInto('report_messages').values({ case_id: second, sequence: 3, kind: 'reporter', body: 'x', author_user_id: null, written_on: '2026-03-12' }).execute());
  await assert.rejects(store.reporting.updateCase(second, { status: 'lost' as never }));

  await store.reporting.updateCase(second, { status: 'closed', closingOutcome: 'advice-given', closedOn: '2026-04-01' });
  assert.deepEqual(await store.reporting.closedCases(), [{ id: second, organisationId: a, closedOn: '2026-04-01' }]);
  assert.equal(await store.reporting.deleteCases([second]), 1);
  assert.deepEqual(await store.reporting.messages(second), []);
  assert.equal(await store.reporting.caseById(a, second), null);
  assert.equal(await store.reporting.deleteCases([]), 0);
});
