import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { runCli } from '../../test/support/run-cli.ts';


const run = runCli;

/** A folder of the system's temporary folder, removed when the file's tests end. */
const made: string[] = [];
function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}
after(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

describe('mirror wres on the synthetic trust', () => {
  let root = '';
  before(async () => {
    root = tempFolder('mirror-cli-');
    assert.equal((await run('demo', join(root, '2024'), '--year', '2024', '--seed', '7', '--staff', '600')).code, 0);
    assert.equal((await run('demo', join(root, '2025'), '--year', '2025', '--seed', '7', '--staff', '600')).code, 0);
  });

  test('JSON has the documented shape, with the two-year figure from the sibling folder', async () => {
    const { code, stdout, stderr } = await run('wres', join(root, '2025'), '--year', '2025', '--format', 'json');
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    const i = report.indicators;
    for (const group of ['white', 'ethnicMinority', 'unknown']) {
      assert.equal(typeof i['1'].overall[group].count, 'number');
      assert.ok(i['1'].overall[group].pct >= 0 && i['1'].overall[group].pct <= 100);
    }
    for (const id of ['2', '3', '4']) {
      assert.equal(typeof i[id].value, 'number', id);
      assert.equal(i[id].ci95.length, 2);
      assert.ok(i[id].ci95[0] <= i[id].value && i[id].value <= i[id].ci95[1]);
      for (const group of ['white', 'ethnicMinority', 'unknown']) {
        const g = i[id].groups[group];
        assert.ok(Number.isInteger(g.events) && Number.isInteger(g.population));
        assert.ok(g.rate === null || (g.rate >= 0 && g.rate <= 1));
      }
      // The ratio follows from its own counts.
      const [num, den] = id === '3' ? ['ethnicMinority', 'white'] : ['white', 'ethnicMinority'];
      const n = i[id].groups[num];
      const d = i[id].groups[den];
      assert.ok(Math.abs(i[id].value - n.events / n.population / (d.events / d.population)) < 1e-12);
    }
    assert.equal(i['3'].rollingTwoYear.available, true, JSON.stringify(i['3'].rollingTwoYear));
    assert.deepEqual(i['3'].rollingTwoYear.years, [2024, 2025]);
    for (const id of ['5', '6', '7', '8']) {
      for (const group of ['white', 'ethnicMinority']) {
        const g = i[id].groups[group];
        assert.ok(Number.isInteger(g.respondents) && Number.isInteger(g.positive));
        assert.ok(Math.abs(g.pct - (g.positive / g.respondents) * 100) < 1e-9);
      }
    }
    for (const body of ['voting', 'executive']) {
      const gap = i['9'][body];
      assert.ok(Math.abs(gap.differencePp - (gap.boardPct - gap.workforcePct)) < 1e-9);
      assert.ok(Math.abs(gap.workforcePct - i['1'].overall.ethnicMinority.pct) < 1e-9);
    }
    assert.equal(report.sources.length, 7);
    assert.match(report.sources[0].sha256, /^[0-9a-f]{64}$/);
  });

  test('the table reads in plain language and the CSV carries the same ratio', async () => {
    const table = await run('wres', join(root, '2025'));
    assert.equal(table.code, 0);
    assert.match(table.stdout, /White applicants were \d+\.\d\d times as likely as ethnic minority applicants to be appointed from shortlisting/);
    assert.doesNotMatch(table.stdout, /\bBA?ME\b/);
    const json = JSON.parse((await run('wres', join(root, '2025'), '--format', 'json')).stdout);
    const csv = await run('wres', join(root, '2025'), '--format', 'csv');
    const rows: Record<string, string>[] = parse(csv.stdout, { columns: true });
    const ratio = rows.find((r) => r['indicator'] === '2' && r['section'] === 'headline' && r['measure'] === 'relative_likelihood');
    assert.equal(Number(ratio?.['value']), json.indicators['2'].value);
  });

  test('mirror wdes: JSON shaped like WRES with disabled, nonDisabled and unknown, declaration rates, and the 9b narrative', async () => {
    const { code, stdout, stderr } = await run('wdes', join(root, '2025'), '--format', 'json');
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    for (const group of ['disabled', 'nonDisabled', 'unknown']) assert.equal(typeof report.metrics['1'].overall[group].count, 'number');
    for (const id of ['2', '3']) {
      const m = report.metrics[id];
      const [num, den] = id === '2' ? ['nonDisabled', 'disabled'] : ['disabled', 'nonDisabled'];
      const n = m.groups[num];
      const d = m.groups[den];
      assert.ok(Math.abs(m.value - n.events / n.population / (d.events / d.population)) < 1e-12, id);
      assert.ok(m.declarationRate.pct > 0 && m.declarationRate.pct <= 100);
    }
    assert.equal(report.metrics['3'].rollingTwoYear.available, true);
    assert.equal(report.metrics['9b'].answer, true);
    assert.equal(report.metrics['9a'].available, true);
    const table = await run('wdes', join(root, '2025'));
    // Whichever way round the figure falls, the sentence reads as "more likely" and names both groups.
    assert.match(table.stdout, /(Non-disabled applicants were \d+\.\d\d times as likely as Disabled applicants|Disabled applicants were \d+\.\d\d times as likely as non-disabled applicants)/);
    const csv = await run('wdes', join(root, '2025'), '--format', 'csv');
    assert.match(csv.stdout, /^metric,path,measure,value\n/);
  });

  test('mirror medical: indicators 1 to 4 for doctors and dentists only, with leadership and consultant appointment', async () => {
    const { code, stdout } = await run('medical', join(root, '2025'), '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    const all = JSON.parse((await run('wres', join(root, '2025'), '--format', 'json')).stdout);
    const doctors = all.indicators['1'].rows.filter((r: { cluster: string }) => r.cluster === 'medical').reduce((t: number, r: { total: number }) => t + r.total, 0);
    assert.ok(report.indicators['1'].overall.total >= doctors);
    assert.ok(report.indicators['1'].overall.total < all.indicators['1'].overall.total);
    assert.equal(report.leadership.length, 3);
  });

  test('--output writes the file and prints nothing', async () => {
    const file = join(root, 'wres.json');
    const { code, stdout } = await run('wres', join(root, '2025'), '--format', 'json', '--output', file);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).year, 2025);
  });
});

describe('mirror wres with bad input', () => {
  test('each problem on its own line with file, row, column and value; exit 1; nothing on stdout', async () => {
    const folder = tempFolder('mirror-cli-bad-');
    writeFileSync(join(folder, 'staff.csv'), [
      'staff_id,ethnic_category,pay_band,staff_group,assignment_category',
      'S1,White - British,Band 5,Nursing and Midwifery Registered,Permanent',
      'S2,Whte British,Band 5,Nursing and Midwifery Registered,Permanent',
      'S3,A,Band 55,Nursing and Midwifery Registered,Permanent',
    ].join('\n'));
    const { code, stdout, stderr } = await run('wres', folder, '--year', '2025');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /staff\.csv.*column "ethnic_category", value "Whte British"/);
    assert.match(stderr, /staff\.csv, row 4, column "pay_band", value "Band 55"/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  test('a long list is cut on the terminal and written whole, spreadsheet-safe, with --problems', async () => {
    const folder = tempFolder('mirror-cli-many-');
    const rows = Array.from({ length: 150 }, (_, i) => `S${i},=HYPERLINK("x"),Band 5,Nursing and Midwifery Registered,Permanent`);
    rows.push(...Array.from({ length: 120 }, (_, i) => `T${i},A,Band 8,Nursing and Midwifery Registered,Permanent`));
    writeFileSync(join(folder, 'staff.csv'), ['staff_id,ethnic_category,pay_band,staff_group,assignment_category', ...rows].join('\n'));
    const cut = await run('wres', folder, '--year', '2025');
    assert.equal(cut.code, 1);
    assert.match(cut.stderr, /Mirror found 121 problems/);
    assert.match(cut.stderr, /… and 21 more\. Add --problems/);
    const file = join(folder, 'problems.csv');
    const whole = await run('wres', folder, '--year', '2025', '--problems', file);
    assert.equal(whole.code, 1);
    const listed: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true });
    assert.equal(listed.length, 121);
    const formula = listed.find((p) => p['column'] === 'ethnic_category');
    assert.equal(formula?.['value'], `'=HYPERLINK("x")`);
    assert.equal(listed.filter((p) => p['column'] === 'pay_band').length, 120);
  });

  test('a missing folder, a missing year and an unknown format are refused clearly', async () => {
    const missing = await run('wres', '/nonexistent/mirror', '--year', '2025');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nonexistent/);
    const folder = tempFolder('mirror-cli-noyear-');
    const noYear = await run('wres', folder);
    assert.equal(noYear.code, 2);
    assert.match(noYear.stderr, /--year/);
    const badFormat = await run('wres', folder, '--year', '2025', '--format', 'pdf');
    assert.equal(badFormat.code, 2);
    const badYear = await run('wres', folder, '--year', 'twenty');
    assert.equal(badYear.code, 2);
  });
});

describe('npx mirror', () => {
  test('the bin script runs the command line as a user would', () => {
    const result = spawnSync(process.execPath, ['bin/mirror.js', '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /wres/);
    assert.match(result.stdout, /demo/);
  });
});

describe('mirror demo --region', () => {
  test('writes one synthetic organisation a subfolder, and refuses a count out of range', async () => {
    const root = tempFolder('mirror-cli-region-');
    const { code, stdout } = await run('demo', join(root, 'region'), '--year', '2025', '--region', '2');
    assert.equal(code, 0);
    assert.match(stdout, /synthetic region of 2 organisations/);
    assert.match(stdout, /SYN02 {2}Synthetic Region NHS Trust 02/);
    for (const org of ['SYN01', 'SYN02']) assert.match(readFileSync(join(root, 'region', org, 'README.txt'), 'utf8'), /^SYNTHETIC DATA/);
    assert.notEqual((await run('demo', join(root, 'bad'), '--year', '2025', '--region', '100')).code, 0);
  });
});
