import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { agrees, parseParityFixture, rNumber, usesDefaults, type ParityCase, type RNumber } from '../../core/stats/funnel/fixtures/parity-fixture.ts';
import { runCli } from '../../../test/support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mirror-funnel-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = runCli;

// `mirror funnel` uses the package's defaults (draw_adjusted on, draw_unadjusted off), so it is checked on the cases
// run with them, φ ≤ 1 ones of every type included; the rest are for the core's options.
const CASES = parseParityFixture(
  readFileSync(new URL('../../core/stats/funnel/fixtures/funnelplotr-0.6.0.json', import.meta.url), 'utf8'),
).filter(usesDefaults);
const CLI_TYPES: Readonly<Record<ParityCase['data_type'], string>> = { PR: 'proportion', SR: 'standardised-ratio', RC: 'count-ratio' };

function caseCsv(c: ParityCase): string {
  const lines = c.rows.group.map((g, i) => `"${g}",${c.rows.numerator[i]},${c.rows.denominator[i]}`);
  return `group,numerator,denominator\n${lines.join('\n')}\n`;
}

interface JsonGroup {
  group: string;
  value: number | null;
  limits95: [number | null, number | null];
  limits998: [number | null, number | null];
  adjusted95: [number | null, number | null];
  adjusted998: [number | null, number | null];
  outlier: boolean | null;
}

describe('mirror funnel agrees with FunnelPlotR 0.6.0 to 1e-6, outlier by outlier', () => {
  for (const c of CASES) {
    test(`${c.id} (${c.note})`, async () => {
      const csv = writeCsv(`${c.id}.csv`, caseCsv(c));
      const argv = ['funnel', csv, '--type', CLI_TYPES[c.data_type], '--limit', c.limit === 95 ? '95' : '99.8', '--format', 'json'];
      if (c.data_type === 'SR') argv.push('--sr-method', c.sr_method.toLowerCase());
      const { code, stdout, stderr } = await run(...argv);
      assert.equal(code, 0, stderr);
      const json = JSON.parse(stdout) as { phi: number | null; tau2: number | null; target: number | null; groups: JsonGroup[] };
      assert.deepEqual(Object.keys(json).slice(0, 4), ['phi', 'tau2', 'target', 'groups']);
      assert.ok(agrees(json.phi, rNumber(c.phi)), `phi ${json.phi} vs ${c.phi}`);
      assert.ok(agrees(json.tau2, rNumber(c.tau2)), `tau2 ${json.tau2} vs ${c.tau2}`);
      assert.ok(agrees(json.target, rNumber(c.target)), `target ${json.target} vs ${c.target}`);
      const byGroup = new Map(json.groups.map((g) => [g.group, g]));
      assert.equal(byGroup.size, c.groups.group.length);
      c.groups.group.forEach((name, i) => {
        const g = byGroup.get(name);
        assert.ok(g, name);
        assert.deepEqual(Object.keys(g).slice(0, 7), ['group', 'value', 'limits95', 'limits998', 'adjusted95', 'adjusted998', 'outlier']);
        const r = (column: keyof ParityCase['groups']) => rNumber((c.groups[column] as RNumber[])[i]);
        const checks: [string, number | null, number][] = [
          ['value', g.value, r('rr')],
          ['limits95 low', g.limits95[0], r('LCL95')],
          ['limits95 high', g.limits95[1], r('UCL95')],
          ['limits998 low', g.limits998[0], r('LCL99')],
          ['limits998 high', g.limits998[1], r('UCL99')],
          ['adjusted95 low', g.adjusted95[0], r('OD95LCL')],
          ['adjusted95 high', g.adjusted95[1], r('OD95UCL')],
          ['adjusted998 low', g.adjusted998[0], r('OD99LCL')],
          ['adjusted998 high', g.adjusted998[1], r('OD99UCL')],
        ];
        for (const [what, actual, expected] of checks) assert.ok(agrees(actual, expected), `${name} ${what}: ${actual} vs R ${expected}`);
        assert.equal(g.outlier ? 1 : 0, r('outlier'), `${name} outlier`);
      });
    });
  }
});

describe('mirror funnel output', () => {
  test('the table says in plain English how many organisations lie outside, and on which side', async () => {
    const c = CASES.find((x) => x.id === 'PR-02');
    assert.ok(c);
    const { code, stdout } = await run('funnel', writeCsv('pr02.csv', caseCsv(c)), '--type', 'proportion', '--limit', '95');
    assert.equal(code, 0);
    assert.match(stdout, /^Funnel plot of proportions from pr02\.csv: 12 organisations$/m);
    assert.match(stdout, /3 organisations lie above the upper 95% limit after allowing for overdispersion\./);
    assert.match(stdout, /Organisation +Numerator +Denominator +Proportion +95% limits +99\.8% limits +Outside/);
    assert.match(stdout, /Org 002 +39 +60 +65\.0% +31\.4% to 63\.2% +23\.1% to 71\.9% +above 95%/);
  });

  test('without overdispersion the table says the limits are not widened', async () => {
    const { stdout } = await run(
      'funnel',
      writeCsv('flat.csv', 'group,numerator,denominator\nA,30,100\nB,31,100\nC,29,100\nD,300,1000\n'),
      '--type', 'proportion',
    );
    assert.match(stdout, /no overdispersion, so the limits are not widened/);
    assert.match(stdout, /No organisation lies outside the 99\.8% limits without any allowance for overdispersion\./);
  });

  test('rows of the same organisation are added together, as FunnelPlotR does', async () => {
    const { code, stdout } = await run(
      'funnel',
      writeCsv('dupes.csv', 'group,numerator,denominator\nA,3,20\nB,10,50\nA,4,25\nC,22,80\n'),
      '--type', 'proportion', '--format', 'json',
    );
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.groups.length, 3);
    assert.equal(json.groups[0].value, 7 / 45);
    assert.equal(json.rows, 4);
  });

  test('one organisation: limits but no τ² (null in JSON, with a note)', async () => {
    const { code, stdout } = await run('funnel', writeCsv('one.csv', 'group,numerator,denominator\nOnly,12,80\n'), '--type', 'proportion', '--format', 'json');
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.phi, 0);
    assert.equal(json.tau2, null);
    assert.equal(json.groups[0].outlier, false);
    assert.match(json.notes.join(' '), /one organisation/);
  });

  test('relative likelihoods: Katz limits around the national ratio, with the 0.80–1.25 band apart', async () => {
    const csv = writeCsv(
      'rl.csv',
      'group,events,population,comparison_events,comparison_population\nTrust A,117,389,2,10\nTrust B,300,1000,120,600\nTrust C,50,100,10,100\nTrust D,40,200,0,50\n',
    );
    const { code, stdout, stderr } = await run('funnel', csv, '--type', 'relative-likelihood', '--target', '1.5', '--limit', '95', '--format', 'json');
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout);
    assert.equal(json.target, 1.5);
    assert.equal(json.targetSource, 'national');
    const a = json.groups[0];
    assert.ok(Math.abs(a.value - 117 / 389 / 0.2) < 1e-12);
    assert.equal(a.band, 'above');
    assert.equal(a.outlier, false);
    const d = json.groups[3];
    assert.equal(d.value, null);
    assert.equal(d.undefinedReason, 'noDenominatorEvents');
    const text = await run('funnel', csv, '--type', 'relative-likelihood', '--target', '1.5');
    assert.match(text.stdout, /outside the 0\.80–1\.25 non-adverse range\. The range is a policy threshold, reported apart from the statistical limits\./);
  });
});

describe('mirror funnel problems', () => {
  test('every problem is located by file, row, column and value, with exit 1 and no stack trace', async () => {
    const csv = writeCsv(
      'bad.csv',
      'group,numerator,denominator\nA,5,0\n,3,10\nC,-2,10\nD,12,10\nE,abc,10\n',
    );
    const { code, stdout, stderr } = await run('funnel', csv, '--type', 'proportion');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^Mirror found 5 problems and did not calculate anything:/);
    assert.match(stderr, /bad\.csv, row 2, column "denominator", value "0": must be more than 0/);
    assert.match(stderr, /bad\.csv, row 3, column "group": a value is required but the cell is blank/);
    assert.match(stderr, /bad\.csv, row 4, column "numerator", value "-2": negative values are not allowed here/);
    assert.match(stderr, /bad\.csv, row 5, column "numerator", value "12": is more than the denominator \(10\)/);
    assert.match(stderr, /bad\.csv, row 6, column "numerator", value "abc": not a valid number/);
    assert.doesNotMatch(stderr, /\bat .*\.ts:\d+/);
  });

  test('a missing column, an empty file and a missing file are problems too', async () => {
    const missing = await run('funnel', writeCsv('cols.csv', 'group,numerator\nA,1\n'), '--type', 'proportion');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cols\.csv, row 1: missing required column "denominator"/);
    const empty = await run('funnel', writeCsv('empty.csv', 'group,numerator,denominator\n'), '--type', 'count-ratio');
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /the file has no organisations/);
    const absent = await run('funnel', join(dir, 'nowhere.csv'), '--type', 'count-ratio');
    assert.equal(absent.code, 1);
    assert.match(absent.stderr, /nowhere\.csv: the file could not be read \(it does not exist\)/);
  });

  test('SHMI expected counts that round to 0.00 are refused; relative-likelihood counts are checked', async () => {
    const shmi = await run('funnel', writeCsv('shmi.csv', 'group,numerator,denominator\nA,0,0.004\nB,3,2\n'), '--type', 'standardised-ratio');
    assert.equal(shmi.code, 1);
    assert.match(shmi.stderr, /row 2, column "denominator", value "0\.004": the expected count rounds to 0\.00/);
    const rl = await run(
      'funnel',
      writeCsv('rlbad.csv', 'group,events,population,comparison_events,comparison_population\nA,5,4,1,10\nA,1.5,10,1,10\n'),
      '--type', 'relative-likelihood',
    );
    assert.equal(rl.code, 1);
    assert.match(rl.stderr, /row 2, column "events", value "5": is more than the population \(4\)/);
    assert.match(rl.stderr, /row 3, column "group", value "A": duplicate group: already used on row 2/);
    assert.match(rl.stderr, /row 3, column "events", value "1\.5": not a whole number/);
  });

  test('a mistaken command is exit 2', async () => {
    const csv = writeCsv('ok.csv', 'group,numerator,denominator\nA,1,10\nB,2,10\n');
    assert.equal((await run('funnel', csv, '--type', 'rate')).code, 2);
    assert.equal((await run('funnel', csv)).code, 2);
    assert.equal((await run('funnel', csv, '--type', 'proportion', '--limit', '99')).code, 2);
    assert.equal((await run('funnel', csv, '--type', 'proportion', '--target', '1.2')).code, 2);
  });
});
