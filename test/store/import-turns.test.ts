/**
 * Two imports of one organisation and year from two connections (as from two processes): the second waits for the
 * first to finish writing, is told it is waiting (so the command line can say so), and comes after it as the next
 * version.
 */
import assert from 'node:assert/strict';
import { openDatabase } from '../../src/store/database.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import type { ImportVersion } from '../../src/store/store.ts';
import { testEachDialect } from './each-dialect.ts';
import { sampleImport } from './fixtures.ts';

testEachDialect('an import that finds another of its organisation writing is told it waits, then comes next', async ({ store, config }) => {
  let waits = 0;
  const second = new KyselyStore(openDatabase(config, { onBusy: () => (waits += 1) }));
  try {
    const sample = sampleImport(2025);
    // Enough rows to be written in many batches, so the first is still writing when the second begins.
    const applications = Array.from({ length: 20_000 }, (_, i) => ({ ...sample.records.applications[i % 3]!, sourceRow: i + 2 }));
    const pending: { second?: Promise<ImportVersion> } = {};
    const first = store.imports.create({ ...sample, records: { ...sample.records, applications } }, {
      onProgress: (written) => {
        if (written > 0) pending.second ??= second.imports.create(sampleImport(2025));
      },
    });
    const firstVersion = await first;
    assert.ok(pending.second, 'the second import began while the first was writing');
    const secondVersion = await pending.second;
    assert.deepEqual([firstVersion.version, secondVersion.version], [1, 2]);
    assert.equal(waits, 1);
    const history = await store.imports.history(firstVersion.organisationId, 2025);
    assert.deepEqual(history.map((v) => [v.version, v.current]), [[2, true], [1, false]]);
  } finally {
    await second.close();
  }
});
