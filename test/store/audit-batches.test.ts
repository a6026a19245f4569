import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import { auditRepository } from '../../src/store/audit.ts';
import { testEachDialect, type TestStore } from './each-dialect.ts';

/** The audit repository over the test's database, counting the INSERT statements it runs. */
function countingAudit(store: TestStore['store']) {
  const counted = { inserts: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'InsertQueryNode') counted.inserts += 1;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { audit: auditRepository(store.db.withPlugin(plugin)), counted };
}

testEachDialect('audit records made at the same time are written in one INSERT, in order, each durable when its call returns', async ({ store, reopen }) => {
  const { audit, counted } = countingAudit(store);
  const subjects = Array.from({ length: 20 }, (_, i) => `wres/2025/indicator/${i}`);
  await Promise.all(subjects.map((subject, i) => audit.record({ userId: i, action: 'view', organisationId: 7, subject, details: { n: i, nested: { ok: i % 2 === 0 } } })));
  assert.equal(counted.inserts, 1, 'one INSERT for the twenty');

  // Another connection (another process, as it were) sees every one of them.
  const listed = await reopen().audit.list({ limit: 50, offset: 0 });
  assert.deepEqual(listed.map((e) => e.subject), [...subjects].reverse(), 'newest first: recorded in the order called');
  assert.deepEqual(listed.map((e) => [e.userId, e.organisationId, e.action, e.details]).reverse(), subjects.map((_, i) => [i, 7, 'view', { n: i, nested: { ok: i % 2 === 0 } }]));
  for (let i = 1; i < listed.length; i += 1) assert.ok(listed[i - 1]!.id > listed[i]!.id);

  // One at a time, each is its own INSERT, written before the call returns.
  for (const subject of ['export/1', 'export/2']) {
    await audit.record({ userId: null, action: 'export', subject });
    assert.equal((await store.audit.list({ limit: 1, offset: 0 }))[0]?.subject, subject);
  }
  assert.equal(counted.inserts, 3);
});

testEachDialect('when a batch of audit records cannot be written, each is tried alone: only the one that cannot be written fails, the rest are written in order', async ({ store }) => {
  const { audit, counted } = countingAudit(store);
  const results = await Promise.allSettled([
    audit.record({ userId: 1, action: 'view', subject: 'wres/2025' }),
    // A subject is required (NOT NULL): the batch's INSERT fails, then this record's own.
    audit.record({ userId: 2, action: 'view', subject: null as unknown as string }),
    audit.record({ userId: 3, action: 'view', subject: 'wdes/2025' }),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual((await store.audit.list({ limit: 10, offset: 0 })).map((e) => [e.userId, e.subject]), [[3, 'wdes/2025'], [1, 'wres/2025']]);
  assert.equal(counted.inserts, 4, 'the batch, then each of its three alone');

  await Promise.all([audit.record({ userId: 1, action: 'view', subject: 'wres/2024' }), audit.record({ userId: 1, action: 'view', subject: 'wres/2023' })]);
  assert.equal(counted.inserts, 5, 'the next batch is one INSERT again');
  assert.deepEqual((await store.audit.list({ limit: 2, offset: 0 })).map((e) => e.subject), ['wres/2023', 'wres/2024']);
});

testEachDialect('an audit record whose details cannot be written as JSON fails alone', async ({ store }) => {
  const { audit } = countingAudit(store);
  const results = await Promise.allSettled([
    audit.record({ userId: 1, action: 'view', subject: 'wres/2025' }),
    audit.record({ userId: 2, action: 'view', subject: 'wres/2024', details: { n: 1n } }),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected']);
  assert.deepEqual((await store.audit.list({ limit: 10, offset: 0 })).map((e) => e.subject), ['wres/2025']);
});
