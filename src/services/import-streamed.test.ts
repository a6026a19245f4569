import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before } from 'node:test';
import { defaultStandards } from '../core/standards/index.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { loadWorkforceFolder } from '../ingest/load-folder.ts';
import { testEachDialect } from '../../test/store/each-dialect.ts';
import { countEveryStandard } from './import-counts.ts';
import { importFolder } from './import-service.ts';
import type { ImportReadMessage } from './import-read-worker.ts';
import { Channel, copyAsPosted, importWhileReading, type StreamedImportOptions } from './import-streamed.ts';
import { pseudonymiser } from './pseudonym.ts';
import { storedRecordsOf } from './stored-records.ts';

const KEY = Buffer.alloc(32, 5);
const HEAD: StreamedImportOptions['head'] = {
  organisation: { code: 'RXX', name: 'Test NHS Trust', region: 'London', type: 'Acute trust' }, year: 2025, importedBy: null, channel: 'cli',
};
const OPTIONS: StreamedImportOptions = { head: HEAD, load: { year: 2025 }, key: KEY };

let folder = '';
let problemsFolder = '';
let readAgainFolder = '';

before(async () => {
  const root = await mkdtemp(join(tmpdir(), 'mirror-streamed-'));
  folder = join(root, 'good', '2025');
  problemsFolder = join(root, 'problems', '2025');
  readAgainFolder = join(root, 'read-again', '2025');
  for (const path of [folder, problemsFolder]) await writeSyntheticTrust(path, { year: 2025, seed: 4, staff: 400 });
  // More staff than the reading thread posts at once, and more bytes than the start read to tell the encoding.
  await writeSyntheticTrust(readAgainFolder, { year: 2025, seed: 4, staff: 6_000 });
  // Problems in two files, the second after many rows of its file have been read (and, written as read, copied).
  await appendFile(join(problemsFolder, 'staff.csv'), 'S999999,Martian,Band 5,Nursing and Midwifery Registered,Permanent,Surgery,N9C,Female,No,1.00,16.00,2020-01-01,No,,,Yes\n');
  await appendFile(join(problemsFolder, 'training.csv'), 'S000001,A,Fire Safety,Perhaps,2024-09-26\n');
  // A last row that is not UTF-8 (Windows-1252's é): the staff file is read again from its start the usual way.
  const staff = await readFile(join(readAgainFolder, 'staff.csv'));
  await writeFile(join(readAgainFolder, 'staff.csv'), Buffer.concat([
    staff, Buffer.from('S999997,A,Band 5,Nursing and Midwifery Registered,Permanent,M', 'latin1'), Buffer.from([0xe9]),
    Buffer.from('decine,N9C,Female,No,1.00,16.00,2020-01-01,No,,,Yes\n', 'latin1'),
  ]));
});

testEachDialect('written as it is read, an import stores the records, counts, sources and notes of one read first', async ({ store }) => {
  if (!store.imports.copiesRecords) {
    await assert.rejects(store.imports.createStreamed(HEAD, async () => assert.fail('nothing is read')), /Only an import into PostgreSQL/);
    return;
  }
  const streamed = await importWhileReading(store, folder, OPTIONS);
  assert.ok(streamed.ok === true);
  const loaded = await loadWorkforceFolder(folder, { year: 2025 });
  assert.ok(loaded.ok);
  const counted = countEveryStandard(defaultStandards(), loaded.dataset, reportingPeriod(2025));
  assert.ok(counted.ok);
  const first = await store.imports.create({
    ...HEAD, sources: loaded.dataset.sources, notes: loaded.notes, standardCounts: counted.counts,
    records: storedRecordsOf(loaded.dataset, pseudonymiser(KEY, HEAD.organisation.code)),
  });
  assert.deepEqual(streamed.version.sources, first.sources);
  assert.deepEqual(streamed.version.notes, first.notes);
  assert.deepEqual(await store.imports.records(streamed.version.id), await store.imports.records(first.id));
  for (const standard of defaultStandards().all()) {
    assert.deepEqual(await store.imports.standardCountsOf(streamed.version.id, standard.id), await store.imports.standardCountsOf(first.id, standard.id));
  }
});

testEachDialect('written as it is read, a folder with problems writes nothing and returns the problems of reading it first', async ({ store }) => {
  const loaded = await loadWorkforceFolder(problemsFolder, { year: 2025 });
  assert.ok(!loaded.ok && loaded.problems.some((p) => p.file === 'staff.csv') && loaded.problems.some((p) => p.file === 'training.csv'));
  const imported = await importFolder(store, problemsFolder, { ...HEAD, key: KEY });
  assert.deepEqual(imported, { ok: false, problems: loaded.problems });
  if (store.imports.copiesRecords) assert.deepEqual(await importWhileReading(store, problemsFolder, OPTIONS), { ok: false, problems: loaded.problems });
  assert.deepEqual(await store.organisations.all(), []);
  assert.deepEqual(await store.db.selectFrom('staff_records').select('id').execute(), []);
  assert.deepEqual(await store.db.selectFrom('training_records').select('id').execute(), []);
});

testEachDialect('a file read again from its start is stored once, whole: written as it is read, the import is read first instead', async ({ store }) => {
  if (store.imports.copiesRecords) {
    assert.deepEqual(await importWhileReading(store, readAgainFolder, OPTIONS), { ok: 'again' });
    assert.deepEqual(await store.organisations.all(), []);
    assert.deepEqual(await store.db.selectFrom('staff_records').select('id').execute(), []);
  }
  const imported = await importFolder(store, readAgainFolder, { ...HEAD, key: KEY });
  assert.ok(imported.ok);
  const loaded = await loadWorkforceFolder(readAgainFolder, { year: 2025 });
  assert.ok(loaded.ok);
  assert.deepEqual(imported.version.notes, loaded.notes);
  const records = await store.imports.records(imported.version.id);
  assert.equal(records.staff.length, loaded.dataset.staff.length);
  assert.equal(records.staff.at(-1)?.directorate, 'Médecine');
});

testEachDialect('an import written as it is read whose reading fails after some rows are copied writes nothing', async ({ store }) => {
  if (!store.imports.copiesRecords) return assert.equal(store.imports.copiesRecords, false);
  const loaded = await loadWorkforceFolder(folder, { year: 2025 });
  assert.ok(loaded.ok);
  const records = storedRecordsOf(loaded.dataset, pseudonymiser(KEY, 'RXX'));
  const { recordsCsv } = await import('../store/import-records.ts');
  await assert.rejects(store.imports.createStreamed(HEAD, async (id, copier) => {
    async function* pieces() {
      yield { bytes: recordsCsv('staff', id, records.staff), rows: records.staff.length };
    }
    await copier.copy('staff', pieces());
    throw new Error('the reading failed');
  }), /the reading failed/);
  assert.deepEqual(await store.organisations.all(), []);
  assert.deepEqual(await store.db.selectFrom('staff_records').select('id').execute(), []);
});

testEachDialect('a reading thread that fails mid-table leaves no COPY open: nothing is written, and the store goes on', async ({ store }) => {
  if (store.imports.copiesRecords) {
    const loaded = await loadWorkforceFolder(folder, { year: 2025 });
    assert.ok(loaded.ok);
    const records = storedRecordsOf(loaded.dataset, pseudonymiser(KEY, 'RXX'));
    const { recordsCsv } = await import('../store/import-records.ts');
    let took = 0;
    await assert.rejects(store.imports.createStreamed(HEAD, (id, copier) => {
      const messages = new Channel<ImportReadMessage>();
      messages.push({ kind: 'rows', table: 'staff', bytes: recordsCsv('staff', id, records.staff), rows: records.staff.length });
      // The thread fails while the staff table's COPY waits for more.
      setTimeout(() => messages.fail(new Error('the reading thread failed')), 50);
      return copyAsPosted(copier, messages, () => (took += 1));
    }), /the reading thread failed/);
    assert.equal(took, 1);
    assert.deepEqual(await store.organisations.all(), []);
    assert.deepEqual(await store.db.selectFrom('staff_records').select('id').execute(), []);
  }
  const imported = await importFolder(store, folder, { ...HEAD, key: KEY });
  assert.ok(imported.ok);
});
