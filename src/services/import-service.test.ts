import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { countMedical } from '../core/medical/report.ts';
import { countWres } from '../core/wres/count.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { loadWorkforceFolder } from '../ingest/load-folder.ts';
import { testEachDialect } from '../../test/store/each-dialect.ts';
import { importFolder, type ImportFolderOptions } from './import-service.ts';
import { wresCountsFor } from './wres-report-service.ts';
import { pseudonymise } from './pseudonym.ts';

const KEY = Buffer.alloc(32, 9);
const OPTIONS: ImportFolderOptions = {
  organisation: { code: 'RXX', name: 'Test NHS Trust', region: 'London', type: 'Acute trust' },
  year: 2025,
  channel: 'cli',
  importedBy: null,
  key: KEY,
};

let folder = '';
let badFileFolder = '';
let badCountFolder = '';
let lateDateFolder = '';
let laterYearFolder = '';
let root = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'mirror-import-'));
  folder = join(root, 'good', '2025');
  badFileFolder = join(root, 'bad-file', '2025');
  badCountFolder = join(root, 'bad-count', '2025');
  lateDateFolder = join(root, 'late-date', '2025');
  laterYearFolder = join(root, 'later-year', '2090');
  for (const path of [folder, badFileFolder, badCountFolder, lateDateFolder]) await writeSyntheticTrust(path, { year: 2025, seed: 3, staff: 300 });
  await writeSyntheticTrust(laterYearFolder, { year: 2090, seed: 3, staff: 300 });
  await appendFile(join(badFileFolder, 'staff.csv'), 'S999999,Martian,Band 5,Nursing and Midwifery Registered,Permanent,Surgery,N9C,Female,No,1.00,16.00,2020-01-01,No\n');
  await appendFile(join(badCountFolder, 'disciplinary.csv'), 'DC99999,NOT-ON-STAFF,2024-06-01\n');
  // Plausible only for a reporting year decades ahead.
  await appendFile(join(lateDateFolder, 'staff.csv'), 'S999998,A,Band 5,Nursing and Midwifery Registered,Permanent,Surgery,N9C,Female,No,1.00,16.00,2089-06-01,No\n');
});
after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

testEachDialect('a valid folder is stored with exactly the counts the engine makes from it', async ({ store }) => {
  const stages: string[] = [];
  let lastWrite: [number, number] = [0, 0];
  const result = await importFolder(store, folder, {
    ...OPTIONS,
    onProgress: (stage, done, total) => {
      if (stages.at(-1) !== stage) stages.push(stage);
      if (stage === 'writing') lastWrite = [done, total];
    },
  });
  assert.ok(result.ok);
  const loaded = await loadWorkforceFolder(folder);
  assert.ok(loaded.ok);
  const counted = countWres(loaded.dataset, reportingPeriod(2025));
  assert.ok(counted.ok);

  assert.deepEqual(await wresCountsFor(store, result.version.organisationId, 2025), counted.value);
  const medical = countMedical(loaded.dataset, reportingPeriod(2025));
  assert.ok(medical.ok);
  assert.deepEqual(await store.imports.standardCountsOf(result.version.id, 'medical'), medical.value);
  assert.deepEqual(result.version.sources, loaded.dataset.sources);
  assert.deepEqual(result.version.notes, loaded.notes);
  assert.equal(result.version.channel, 'cli');
  assert.deepEqual(stages, ['reading files', 'counting', 'writing']);
  assert.ok(lastWrite[0] > 0 && lastWrite[0] === lastWrite[1]);

  // In the file's order (SQLite writes staff in their pseudonyms' order, for its index).
  const pseudonyms = await store.db.selectFrom('staff_records').select('pseudonym').orderBy('source_row').execute();
  assert.deepEqual(pseudonyms.map((p) => p.pseudonym), loaded.dataset.staff.map((s) => pseudonymise(KEY, 'RXX', s.staffId)));
  const staffIds = new Set(loaded.dataset.staff.map((s) => s.staffId));
  assert.ok(pseudonyms.every((p) => !staffIds.has(p.pseudonym)));
});

testEachDialect('a folder whose files have problems writes nothing and returns them located', async ({ store }) => {
  const result = await importFolder(store, badFileFolder, OPTIONS);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problems.some((p) => p.file === 'staff.csv' && p.value === 'Martian' && p.row !== undefined));
  assert.deepEqual(await store.organisations.all(), []);
});

testEachDialect('a folder that cannot be counted writes nothing', async ({ store }) => {
  const result = await importFolder(store, badCountFolder, OPTIONS);
  assert.ok(!result.ok && result.problems.some((p) => p.file === 'disciplinary.csv' && p.value === 'NOT-ON-STAFF'));
  assert.deepEqual(await store.organisations.all(), []);
});

testEachDialect('a year that is not a reporting year is a problem, not a fault', async ({ store }) => {
  const result = await importFolder(store, folder, { ...OPTIONS, year: 1999 });
  assert.ok(!result.ok && result.problems[0]?.message.includes('not a reporting year'));
});

testEachDialect('dates are checked against the year being imported: far beyond it they are refused, within it read', async ({ store }) => {
  const late = await importFolder(store, lateDateFolder, OPTIONS);
  assert.ok(!late.ok && late.problems.some((p) => p.file === 'staff.csv' && p.column === 'start_date' && p.value === '2089-06-01'));
  assert.deepEqual(await store.organisations.all(), []);
  const later = await importFolder(store, laterYearFolder, { ...OPTIONS, year: 2090 });
  assert.ok(later.ok, JSON.stringify(!later.ok && later.problems.slice(0, 3)));
});

testEachDialect('an import adding a new organisation is refused, with nothing written, when the code is taken', async ({ store }) => {
  const first = await importFolder(store, folder, OPTIONS);
  assert.ok(first.ok);
  const refused = await importFolder(store, folder, { ...OPTIONS, organisation: { code: 'RXX', name: 'Taken over' }, newOrganisation: true });
  assert.deepEqual(refused, {
    ok: false,
    problems: [{ file: 'organisation', message: 'An organisation with the code RXX already exists. Choose it from the list, or ask an administrator for access.' }],
  });
  const organisation = await store.organisations.byCode('RXX');
  assert.equal(organisation?.name, 'Test NHS Trust');
  assert.deepEqual((await store.imports.history(organisation!.id, 2025)).map((v) => v.version), [1]);
});
