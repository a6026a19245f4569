/** `mirror spc` end to end: JSON shape, the table and its reading, bad input, and agreement with the package. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../../test/support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mirror-spc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = runCli;

/** Twelve months alternating 12 and 14 (mean 13, MR̄ 2: limits 7.68 to 18.32), a gap, then a jump to 25. */
const SERIES = [
  'date,value,rebase',
  ...Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}-01,${i % 2 ? 14 : 12},0`),
  '2024-01-01,,0',
  '2024-02-01,25,0',
].join('\n');

describe('mirror spc', () => {
  const file = writeCsv('series.csv', `${SERIES}\n`);

  test('JSON has the documented shape and the right figures', async () => {
    const { code, stdout, stderr } = await run('spc', file, '--direction', 'increase', '--target', '5', '--format', 'json');
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json).slice(0, 3), ['points', 'variation', 'assurance']);
    assert.deepEqual(Object.keys(json.points[0]).slice(0, 7), ['date', 'value', 'mean', 'lpl', 'upl', 'pointType', 'specialCauseType']);
    assert.equal(json.points.length, 14);
    // The gap leaves no moving range on either side of it, so MR̄ = 2 from the first twelve values (the 25 has no
    // neighbour to make a range with); the mean includes the 25: (156 + 25) / 13.
    const mean = 181 / 13;
    assert.ok(Math.abs(json.points[0].mean - mean) < 1e-12);
    assert.ok(Math.abs(json.points[0].upl - (mean + 2.66 * 2)) < 1e-12);
    assert.equal(json.points[12].value, null);
    assert.equal(json.points[12].pointType, 'common_cause');
    assert.equal(json.points[13].specialCauseType, 'Above UCL');
    assert.equal(json.points[13].pointType, 'special_cause_improvement');
    assert.equal(json.variation, 'improvement_high');
    assert.equal(json.assurance, 'consistent_pass');
    assert.deepEqual(json.warnings, []);
    assert.equal(json.settings.reference, 'NHSRplotthedots 0.2.2');
  });

  test('the table is aligned and read out in plain English', async () => {
    const { code, stdout } = await run('spc', file, '--direction', 'increase', '--target', '30');
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    const header = lines.find((l) => l.includes('Date'));
    assert.ok(header);
    const rows = lines.filter((l) => /^\s+\d{4}-\d{2}-\d{2}/.test(l));
    assert.equal(rows.length, 14);
    // Right-aligned number columns end at the same place on every row.
    const meanEnd = (header?.indexOf('Mean') ?? 0) + 'Mean'.length;
    for (const row of rows) assert.match(row.slice(0, meanEnd), /\d$/);
    assert.match(stdout, /2024-01-01\s+missing/);
    assert.match(stdout, /2024-02-01\s+25\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+improvement\s+Above UCL/);
    assert.match(stdout, /Variation: Special cause variation of an improving nature: the latest point is above the upper process limit\./);
    assert.match(stdout, /Assurance: the process is expected to consistently miss the target of 30: the target is above the upper process limit\./);
    assert.match(stdout, /Computed as NHSRplotthedots 0\.2\.2 computes it/);
  });

  test('decrease, neutral, no target, no screening, fixed limits and rebasing read sensibly', async () => {
    const decrease = await run('spc', file, '--direction', 'decrease');
    assert.match(decrease.stdout, /Special cause variation of a concerning nature/);
    assert.match(decrease.stdout, /Assurance: none: no target was given/);
    const neutral = await run('spc', file, '--direction', 'neutral', '--target', '3', '--no-screen-outliers', '--format', 'json');
    const json = JSON.parse(neutral.stdout);
    assert.equal(json.variation, 'neutral_high');
    assert.equal(json.assurance, null);
    assert.equal(json.settings.screenOutliers, false);
    const neutralText = await run('spc', file, '--direction', 'neutral', '--target', '3');
    assert.match(neutralText.stdout, /Special cause variation, high \(neither direction is better\)/);
    assert.match(neutralText.stdout, /Assurance: none: with a neutral direction/);

    const rebased = writeCsv('rebased.csv', SERIES.replace('2024-01-01,,0', '2024-01-01,,1'));
    const r = JSON.parse((await run('spc', rebased, '--direction', 'increase', '--fix-after', '12', '--format', 'json')).stdout);
    assert.deepEqual(r.points.map((p: { phase: number }) => p.phase), [...Array<number>(12).fill(0), 1, 1]);
    assert.equal(r.points[13].mean, 25);
    assert.equal(r.points[13].upl, null);
    assert.equal(r.warnings[0].code, 'short-phase');
    const text = await run('spc', rebased, '--direction', 'increase');
    assert.match(text.stdout, /Phase/);
    assert.match(text.stdout, /Note: The phase from 2024-01-01 has 2 points, fewer than 13/);
  });

  test('a missing value inside a possible trend is reported, not a crash', async () => {
    const rising = writeCsv('rising.csv', `date,value\n${[1, 2, 3, '', 5, 6, 7, 8].map((v, i) => `2020-0${i + 1}-01,${v}`).join('\n')}\n`);
    const { code, stdout } = await run('spc', rising, '--direction', 'increase');
    assert.equal(code, 0);
    assert.match(stdout, /Note: A missing value leaves a possible 7-point trend ending 2020-07-01, 2020-08-01 undecided/);
  });

  test('--output writes the file', async () => {
    const output = join(dir, 'out.json');
    const { code, stdout } = await run('spc', file, '--direction', 'increase', '--format', 'json', '--output', output);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(JSON.parse(readFileSync(output, 'utf8')).points.length, 14);
  });
});

describe('mirror spc with bad input', () => {
  test('every bad cell is reported with file, row, column and value, and nothing is calculated', async () => {
    const bad = writeCsv(
      'bad.csv',
      ['date,value,rebase', '2023-01-01,12,0', '2023-13-01,14,0', '2023-03-01,abc,0', '2023-01-01,5,maybe', '2023-05-01,NA,', ''].join('\n'),
    );
    const { code, stdout, stderr } = await run('spc', bad, '--direction', 'increase');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /Mirror found 4 problems and did not calculate anything/);
    assert.match(stderr, /bad\.csv, row 3, column "date", value "2023-13-01": 2023-13-01 is not a date in the calendar/);
    assert.match(stderr, /bad\.csv, row 4, column "value", value "abc": not a valid number \(expected a number, e\.g\. 12\.5 or -3, or blank \(or NA\)/);
    assert.match(stderr, /bad\.csv, row 5, column "date", value "2023-01-01": the date 2023-01-01 is already on row 2/);
    assert.match(stderr, /bad\.csv, row 5, column "rebase", value "maybe": not a valid rebase mark/);
    assert.doesNotMatch(stderr, /\n\s+at /); // no stack trace
  });

  test('a missing column, an empty file and a missing file are data problems', async () => {
    const noDate = writeCsv('nodate.csv', 'when,value\n2023-01-01,1\n');
    const r1 = await run('spc', noDate, '--direction', 'increase');
    assert.equal(r1.code, 1);
    assert.match(r1.stderr, /nodate\.csv, row 1: missing required column "date"/);
    const empty = writeCsv('empty.csv', 'date,value\n');
    const r2 = await run('spc', empty, '--direction', 'increase');
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /empty\.csv: the file has no data/);
    const r3 = await run('spc', join(dir, 'absent.csv'), '--direction', 'increase');
    assert.equal(r3.code, 1);
    assert.match(r3.stderr, /absent\.csv: the file could not be read \(it does not exist\)/);
  });

  test('mistaken options are usage errors', async () => {
    const file = writeCsv('ok.csv', 'date,value\n2023-01-01,1\n');
    for (const argv of [
      ['spc', file],
      ['spc', file, '--direction', 'up'],
      ['spc', file, '--direction', 'increase', '--fix-after', '11'],
      ['spc', file, '--direction', 'increase', '--fix-after', '12.5'],
      ['spc', file, '--direction', 'increase', '--target', 'high'],
      ['spc', file, '--direction', 'increase', '--format', 'csv'],
    ]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /error:/);
    }
  });
});

interface ReferenceCase {
  readonly id: string;
  readonly input: { dates: string[]; values: (number | null)[]; rebase: string[]; direction: string; target: number | null; fixAfterN: number | null; screenOutliers: boolean };
  readonly expected: { error: string } | { phases: { phase: number; mean: number | null; lpl: number | null; upl: number | null }[]; pointType: string[]; specialCauseType: string[]; variation: string; assurance: string | null };
}

describe('mirror spc agrees with NHSRplotthedots 0.2.2 on the reference series', () => {
  const cases: ReferenceCase[] = JSON.parse(
    readFileSync(new URL('../../core/stats/spc/fixtures/nhsrplotthedots-0.2.2.json', import.meta.url), 'utf8'),
  ).cases;
  const within = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6);

  for (const c of cases) {
    const expected = c.expected;
    if ('error' in expected) continue;
    test(c.id, async () => {
      const rebase = new Set(c.input.rebase);
      const csv = ['date,value,rebase', ...c.input.dates.map((d, i) => `${d},${c.input.values[i] ?? ''},${rebase.has(d) ? 1 : 0}`)].join('\n');
      const path = writeCsv(`${c.id}.csv`, `${csv}\n`);
      const argv = ['spc', path, '--direction', c.input.direction, '--format', 'json'];
      if (c.input.target !== null) argv.push('--target', String(c.input.target));
      if (c.input.fixAfterN !== null) argv.push('--fix-after', String(c.input.fixAfterN));
      if (!c.input.screenOutliers) argv.push('--no-screen-outliers');
      const { code, stdout, stderr } = await run(...argv);
      assert.equal(code, 0, stderr);
      const json = JSON.parse(stdout);
      assert.deepEqual(json.points.map((p: { pointType: string }) => p.pointType), expected.pointType);
      assert.deepEqual(json.points.map((p: { specialCauseType: string }) => p.specialCauseType), expected.specialCauseType);
      for (const p of json.points) {
        const phase = expected.phases.find((x) => x.phase === p.phase);
        assert.ok(phase && within(p.mean, phase.mean) && within(p.lpl, phase.lpl) && within(p.upl, phase.upl), `${p.date}`);
      }
      assert.equal(json.variation, expected.variation);
      assert.equal(json.assurance, expected.assurance);
    });
  }
});
