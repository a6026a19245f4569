import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { payGapReport } from '../../core/paygap/report.ts';
import { paygapCsv } from '../../core/outputs/paygap-outputs.ts';
import { runCli } from '../../../test/support/run-cli.ts';

const run = runCli;

const HEADER = 'staff_id,ethnic_category,pay_band,staff_group,assignment_category,gender,disability,hourly_pay,bonus_pay,full_pay';
const row = (id: string, ethnic: string, gender: string, disability: string, hourly: string, bonus = '', fullPay = '') =>
  `${id},${ethnic},Band 5,Nursing and Midwifery Registered,Permanent,${gender},${disability},${hourly},${bonus},${fullPay}`;

/**
 * Four of each: men (White British) on £10 … £19, mean and median £14.50; women on 8, 9, 9, 10, 11 (White Irish)
 * and 12, 12, 13, 14, 20 (Indian), mean £11.80, median £11.50. Gaps: mean 18.62%, median 20.69%. Six of each ten
 * men were paid a bonus of £1,000 and three of each ten women £800. Plus one non-binary person (ethnicity Z), one
 * with nothing recorded, and one woman on leave at reduced pay (full_pay = no).
 */
function writeFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'mirror-paygap-'));
  const womenPay = [8, 9, 9, 10, 11, 12, 12, 13, 14, 20];
  const lines = [HEADER];
  for (let copy = 0; copy < 4; copy++) {
    for (let i = 0; i < 10; i++) lines.push(row(`M${copy}${i}`, 'A', 'Male', i < 2 ? 'Yes' : 'No', `£${10 + i}.00`, i < 6 ? '1000' : '0'));
    for (const [i, pay] of womenPay.entries()) lines.push(row(`W${copy}${i}`, i < 5 ? 'White - Irish' : 'H', 'female', 'No', String(pay), i < 3 ? '800' : ''));
  }
  lines.push(row('X1', 'Z', 'Non-binary', 'Not declared', '15'), row('X2', '', '', '', '40'), row('X3', 'A', 'F', 'No', '30', '', 'no'));
  writeFileSync(join(folder, 'staff.csv'), `${lines.join('\n')}\n`);
  return folder;
}

describe('mirror paygap', () => {
  let folder = '';
  before(() => {
    folder = writeFolder();
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('JSON: every figure with its counts, in the documented shape', async () => {
    const { code, stdout, stderr } = await run('paygap', folder, '--format', 'json', '--unsuppressed');
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    const g = report.gender;
    assert.ok(Math.abs(g.meanGapPct - ((14.5 - 11.8) / 14.5) * 100) < 1e-9);
    assert.ok(Math.abs(g.medianGapPct - ((14.5 - 11.5) / 14.5) * 100) < 1e-9);
    assert.ok(g.meanGapCi95[0] < g.meanGapPct && g.meanGapPct < g.meanGapCi95[1]);
    assert.deepEqual(g.hourlyPay.reference, { people: 40, mean: 14.5, median: 14.5 });
    assert.equal(g.hourlyPay.group.people, 40);
    assert.deepEqual(g.groups.women.people, { relevant: 41, fullPayRelevant: 40, withHourlyPay: 40, bonusRecipients: 12 });
    assert.deepEqual(g.quartiles.sizes, [20, 21, 20, 21], '82 ranked: the woman on leave is not');
    assert.deepEqual(g.quartiles.groups.map((q: { key: string }) => q.key), ['men', 'women']);
    // Bonuses: 24 of 40 men (£1,000 each), 12 of 41 women (£800 each).
    assert.equal(g.bonus.received.reference.pct, 60);
    assert.ok(Math.abs(g.bonus.received.group.pct - (12 / 41) * 100) < 1e-9);
    assert.ok(Math.abs(g.bonus.meanGapPct - 20) < 1e-9);
    assert.ok(Math.abs(g.bonus.medianGapPct - 20) < 1e-9);
    assert.deepEqual(g.bonus.bonusPay.group, { people: 12, mean: 800, median: 800 });
    // Ethnicity: White (A, B, C) by default. White: 40 men on a mean of 14.5 and 20 White Irish women on 9.4.
    const e = report.ethnicity;
    assert.equal(e.reference.key, 'white');
    const white = (40 * 14.5 + 20 * 9.4) / 60;
    assert.ok(Math.abs(e.groups.ethnicMinority.meanGapPct - ((white - 14.2) / white) * 100) < 1e-9);
    assert.equal(e.groups.ethnicMinority.hourlyPay.group.people, 20);
    assert.ok(Math.abs(e.groups.H.medianGapPct - e.groups.ethnicMinority.medianGapPct) < 1e-12);
    assert.deepEqual([e.statedRate.stated, e.statedRate.total], [81, 83]);
    // Disability: 8 Disabled men are too few for pay figures.
    assert.equal(report.disability.reference.key, 'nonDisabled');
    assert.equal(report.disability.reason, 'tooFewPeople');
    assert.equal(report.disability.hourlyPay.group.mean, null);
    assert.equal(report.population.notFullPayRelevant, 1);
  });

  test('--ethnicity-reference white-british and --min-group change the comparison', async () => {
    const { code, stdout } = await run('paygap', folder, '--format', 'json', '--ethnicity-reference', 'white-british', '--min-group', '25');
    assert.equal(code, 0);
    const e = JSON.parse(stdout).ethnicity;
    assert.equal(e.reference.key, 'whiteBritish');
    // Ethnic minority now includes the White Irish women: all 40 women, mean 11.8, against the men's 14.5.
    assert.ok(Math.abs(e.groups.ethnicMinority.meanGapPct - ((14.5 - 11.8) / 14.5) * 100) < 1e-9);
    assert.equal(e.groups.ethnicMinority.label, 'Ethnic minority (including White minorities)');
    // 20 White Irish women are fewer than --min-group 25.
    assert.equal(e.groups.whiteOther.medianGapPct, null);
    assert.equal(e.groups.whiteOther.reason, 'tooFewPeople');
    const withDefault = JSON.parse((await run('paygap', folder, '--format', 'json', '--ethnicity-reference', 'white-british')).stdout);
    assert.ok(Math.abs(withDefault.ethnicity.groups.whiteOther.medianGapPct - ((14.5 - 9) / 14.5) * 100) < 1e-9);
  });

  test('for sharing (the default) counts of 1 to 7 are withheld; --unsuppressed shows them', async () => {
    const shared = JSON.parse((await run('paygap', folder, '--format', 'json')).stdout);
    const analyst = JSON.parse((await run('paygap', folder, '--format', 'json', '--unsuppressed')).stdout);
    const relevant = (r: { gender: { counts: { key: string; people: { relevant: number | null } }[] } }) =>
      r.gender.counts.map((c) => c.people.relevant);
    assert.deepEqual(relevant(analyst), [40, 41, 1, 0, 1]);
    // The non-binary person and the one with no gender are withheld (1 each). A withheld count is at least 1, and
    // 83 less the 81 shown leaves 2: so the empty "not stated" row is withheld too, or a reader would know both are 1.
    // And the women's 41 is withheld: beside their 40 full-pay relevant it would say that the one on leave is a woman.
    assert.deepEqual(relevant(shared), [40, null, null, null, null]);
    const women = shared.gender.counts[1].people;
    assert.ok(women.relevant === null || women.fullPayRelevant === null, 'the woman on leave is not given away');
    // 8 Disabled men paid a bonus: too few for pay figures (fewer than 10), but 8 is not a count of 1 to 7, so it is
    // shown. (Their count of relevant employees is withheld: with the declaration rate's and the total's, it would
    // leave the two people who did not declare at 1 each.)
    assert.equal(shared.disability.groups.disabled.people.bonusRecipients, 8);
    assert.equal(shared.disability.groups.disabled.people.relevant, null);
    assert.equal(shared.disability.groups.disabled.hourlyPay.group.mean, null);
    assert.equal(shared.settings.forSharing, true);
  });

  test('the table reads in plain language', async () => {
    const { code, stdout } = await run('paygap', folder, '--unsuppressed');
    assert.equal(code, 0);
    assert.match(stdout, /Women's median hourly pay was 20\.7% lower than men's\. Women's mean hourly pay was 18\.6% lower than men's\./);
    assert.match(stdout, /Women were \d+\.\d% of the lower quartile of hourly pay and \d+\.\d% of the upper quartile, counting women and men only/);
    assert.match(stdout, /Women's median bonus pay was 20\.0% lower than men's\./);
    assert.match(stdout, /Men \(reference\)\s+40\s+£14\.50\s+£14\.50/);
    assert.match(stdout, /Disclosure rate: 97\.6% of relevant employees \(81 of 83\) have a stated ethnicity/);
    assert.match(stdout, /must not be shared/);
    assert.doesNotMatch(stdout, /\bBA?ME\b/);
    const shared = await run('paygap', folder);
    assert.doesNotMatch(shared.stdout, /must not be shared/);
  });

  test('CSV: tidy rows carrying the same figures as the JSON, spreadsheet-safe', async () => {
    const json = JSON.parse((await run('paygap', folder, '--format', 'json')).stdout);
    const { code, stdout } = await run('paygap', folder, '--format', 'csv');
    assert.equal(code, 0);
    const rows: Record<string, string>[] = parse(stdout, { columns: true });
    assert.deepEqual(Object.keys(rows[0] ?? {}), ['characteristic', 'section', 'group', 'label', 'measure', 'value', 'reason']);
    const meanGap = rows.find((r) => r['characteristic'] === 'gender' && r['group'] === 'women' && r['measure'] === 'mean_gap_pct');
    assert.equal(Number(meanGap?.['value']), json.gender.meanGapPct);
    const withheld = rows.find((r) => r['characteristic'] === 'disability' && r['group'] === 'disabled' && r['measure'] === 'mean_gap_pct');
    assert.equal(withheld?.['value'], '');
    assert.match(withheld?.['reason'] ?? '', /fewer than 10 Disabled staff/);
    // Text a spreadsheet would run is neutralised; numbers, negative ones included, are left as numbers.
    const report = payGapReport([]);
    const tampered = { ...report, gender: { ...report.gender, reference: { ...report.gender.reference, label: '=HYPERLINK("x")' } } };
    const cells: string[][] = parse(paygapCsv(tampered));
    assert.ok(cells.some((r) => r.includes(`'=HYPERLINK("x")`)));
    assert.ok(!cells.some((r) => r.includes('=HYPERLINK("x")')));
  });

  test('--output writes the file and prints nothing', async () => {
    const file = join(folder, 'paygap.json');
    const { code, stdout } = await run('paygap', folder, '--format', 'json', '--output', file);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(typeof JSON.parse(readFileSync(file, 'utf8')).gender.meanGapPct, 'number');
  });

  test('problems in the files are located, exit 1; mistaken options exit 2', async (t) => {
    const bad = mkdtempSync(join(tmpdir(), 'mirror-paygap-bad-'));
    t.after(() => rmSync(bad, { recursive: true, force: true }));
    writeFileSync(join(bad, 'staff.csv'), [HEADER, row('S1', 'A', 'Male', 'No', 'twelve'), row('S2', 'A', 'Male', 'No', '12', '-5', 'maybe')].join('\n'));
    const result = await run('paygap', bad);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /staff\.csv, row 2, column "hourly_pay", value "twelve"/);
    assert.match(result.stderr, /staff\.csv, row 3, column "bonus_pay", value "-5"/);
    assert.match(result.stderr, /staff\.csv, row 3, column "full_pay", value "maybe"/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal((await run('paygap', '/nonexistent/mirror')).code, 1);
    assert.equal((await run('paygap', folder, '--ethnicity-reference', 'black')).code, 2);
    assert.equal((await run('paygap', folder, '--min-group', '0')).code, 2);
    assert.equal((await run('paygap', folder, '--format', 'pdf')).code, 2);
  });
});
