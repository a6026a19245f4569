/**
 * `--scope` on every standard's command. The independent check: a scope's report must give exactly the figures of
 * the unscoped report of a folder holding only that scope's rows, cut from the files with a plain CSV reader.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Json } from '../../../test/support/json.ts';
import { runCli } from '../../../test/support/run-cli.ts';

type Row = Record<string, string>;

function readCsv(folder: string, name: string): Row[] {
  return parse(readFileSync(join(folder, name)), { columns: true, bom: true }) as Row[];
}

function writeCsv(folder: string, name: string, rows: readonly Row[]): void {
  const header = Object.keys(rows[0] ?? {});
  writeFileSync(join(folder, name), stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]));
}

/** A folder with only the staff `keep` selects and their own cases, courses and capability rows. */
function cutFolder(from: string, to: string, keep: (staff: Row) => boolean, applications: ((a: Row) => boolean) | null): void {
  mkdirSync(to, { recursive: true });
  const staff = readCsv(from, 'staff.csv').filter(keep);
  const ids = new Set(staff.map((s) => s['staff_id']));
  writeCsv(to, 'staff.csv', staff);
  for (const file of ['disciplinary.csv', 'training.csv', 'capability.csv']) {
    writeCsv(to, file, readCsv(from, file).filter((r) => ids.has(r['staff_id'] ?? '')));
  }
  if (applications) writeCsv(to, 'applications.csv', readCsv(from, 'applications.csv').filter(applications));
}

async function json(...argv: string[]): Promise<Record<string, Json>> {
  const { code, stdout, stderr } = await runCli(...argv);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout);
}

/** The figures without the two-year figure, whose other year the cut folders do not have. */
function withoutRolling(result: Record<string, Json>): Record<string, Json> {
  const { rollingTwoYear: _, ...rest } = result;
  return rest;
}

describe('mirror <standard> --scope', () => {
  let root = '';
  let year = '';
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mirror-scope-'));
    year = join(root, '2025');
    assert.equal((await runCli('demo', year, '--year', '2025', '--seed', '3', '--staff', '1200')).code, 0);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a directorate\'s WRES and WDES are the reports of a folder holding only its rows', async () => {
    const cut = join(root, 'surgery', 'only');
    cutFolder(year, cut, (s) => s['directorate'] === 'Surgery', null);
    const scoped = await json('wres', year, '--scope', 'directorate=Surgery', '--format', 'json', '--unsuppressed');
    const alone = await json('wres', cut, '--year', '2025', '--format', 'json', '--unsuppressed');
    assert.deepEqual(scoped['scope'].key, 'directorate:Surgery');
    assert.deepEqual(scoped['indicators']['1'], alone['indicators']['1']);
    assert.deepEqual(withoutRolling(scoped['indicators']['3']), withoutRolling(alone['indicators']['3']));
    assert.deepEqual(scoped['indicators']['4'], alone['indicators']['4']);
    assert.ok(scoped['indicators']['1'].overall.total > 100, 'Surgery has people');
    assert.match(scoped['indicators']['2'].reason, /applications\.csv has no directorate/);

    const wdes = await json('wdes', year, '--scope', 'directorate=Surgery', '--format', 'json', '--unsuppressed');
    const wdesAlone = await json('wdes', cut, '--year', '2025', '--format', 'json', '--unsuppressed');
    assert.deepEqual(wdes['metrics']['1'], wdesAlone['metrics']['1']);
    assert.deepEqual(withoutRolling(wdes['metrics']['3']), withoutRolling(wdesAlone['metrics']['3']));
    assert.deepEqual(wdes['declarationRate'], wdesAlone['declarationRate']);
  });

  test('a staff group\'s report counts the applications to its posts', async () => {
    const group = 'Nursing and Midwifery Registered';
    const cut = join(root, 'nursing', 'only');
    cutFolder(year, cut, (s) => s['staff_group'] === group, (a) => a['staff_group'] === group);
    const scoped = await json('wres', year, '--scope', 'staff-group=Nursing', '--format', 'json', '--unsuppressed');
    const alone = await json('wres', cut, '--year', '2025', '--format', 'json', '--unsuppressed');
    assert.equal(scoped['scope'].label, 'the Nursing and Midwifery Registered staff group');
    for (const id of ['1', '2', '4']) assert.deepEqual(scoped['indicators'][id], alone['indicators'][id], id);
  });

  test('the medical workforce, and the medical standard for a directorate', async () => {
    const medical = await json('wres', year, '--scope', 'medical', '--format', 'json', '--unsuppressed');
    const medicalStandard = await json('medical', year, '--format', 'json', '--unsuppressed');
    assert.deepEqual(medical['indicators']['1'], medicalStandard['indicators']['1']);
    assert.deepEqual(medical['indicators']['2'], medicalStandard['indicators']['2']);
    const surgeons = await json('medical', year, '--scope', 'directorate=Surgery', '--format', 'json');
    assert.equal(surgeons['scope'].kind, 'directorate');
    assert.equal(surgeons['consultantAppointment'].available, false);
  });

  test('without --scope, or with --scope organisation, the output is unchanged', async () => {
    for (const format of ['json', 'csv', 'table']) {
      const plain = await runCli('wres', year, '--format', format);
      const organisation = await runCli('wres', year, '--format', format, '--scope', 'organisation');
      assert.equal(organisation.stdout, plain.stdout, format);
      assert.ok(!plain.stdout.includes('"scope"'));
    }
  });

  test('text and CSV name the scope; small numbers are withheld unless --unsuppressed', async () => {
    const text = await runCli('wdes', year, '--scope', 'directorate=Surgery');
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.startsWith('For the Surgery directorate (scope directorate:Surgery).\n'));
    const csv = await runCli('wres', year, '--scope', 'directorate=Surgery', '--format', 'csv');
    const rows = parse(csv.stdout, { columns: true }) as Row[];
    assert.ok(rows.length > 10 && rows.every((r) => r['scope'] === 'directorate:Surgery'));
    const shared = await json('wres', year, '--scope', 'directorate=Estates and Facilities', '--format', 'json');
    const open = await json('wres', year, '--scope', 'directorate=Estates and Facilities', '--format', 'json', '--unsuppressed');
    assert.equal(shared['indicators']['4'].available, false, 'a handful of people on courses in a small directorate');
    assert.match(shared['indicators']['4'].reason, /withheld to protect identities/);
    assert.equal(open['indicators']['4'].available, true);
  });

  test('a directorate with nobody in it is a clear error listing the directorates there are', async () => {
    const { code, stdout, stderr } = await runCli('wres', year, '--scope', 'directorate=Radiology');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^There is no such scope: nobody in the staff file is in the directorate "Radiology"; the directorates in the staff file are: Clinical Support Services, .*Surgery, Women and Children\.\n$/);
    const bad = await runCli('wres', year, '--scope', 'site=North');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /there is no scope by site: the staff file has no site column/);
  });
});
