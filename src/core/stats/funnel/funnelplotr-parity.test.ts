/**
 * Parity with FunnelPlotR 0.6.0: every case in fixtures/funnelplotr-0.6.0.json was computed by the package's own R
 * functions (see fixtures/README.md). Mirror must agree to 1e-6 on every figure and exactly on every outlier.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { funnelPlot } from './funnel-plot.ts';
import { agrees, caseOptions, DATA_TYPES, judgedIn, parseParityFixture, rNumber, type ParityCase, type RNumber } from './fixtures/parity-fixture.ts';

const PARITY_CASES = parseParityFixture(readFileSync(new URL('./fixtures/funnelplotr-0.6.0.json', import.meta.url), 'utf8'));

describe('FunnelPlotR 0.6.0 parity', () => {
  test('the fixture covers every type, both levels and both overdispersion outcomes', () => {
    assert.ok(PARITY_CASES.length >= 30);
    for (const type of ['PR', 'SR', 'RC'] as const) assert.ok(PARITY_CASES.some((c) => c.data_type === type));
    assert.ok(PARITY_CASES.some((c) => c.sr_method === 'CQC' && c.data_type === 'SR'));
    assert.ok(PARITY_CASES.some((c) => c.limit === 95) && PARITY_CASES.some((c) => c.limit === 99));
    assert.ok(PARITY_CASES.some((c) => c.draw_adjusted) && PARITY_CASES.some((c) => !c.draw_adjusted));
    assert.ok(PARITY_CASES.some((c) => c.groups.outlier.some((o) => o === 1)));
  });

  // The PHI-… cases (issue 9, item 12) were added by running the package itself, installed from that commit in
  // Debian's R 4.2.2 (see fixtures/README.md): for each type a data set with φ < (n − 1)/n (τ² = 0), one with
  // (n − 1)/n ≤ φ ≤ 1 (τ² > 0) and one with φ > 1, called with draw_adjusted and draw_unadjusted on and off.
  test('φ ≤ 1 under every pair of draw_adjusted and draw_unadjusted occurs for every type, at both levels', () => {
    for (const type of ['PR', 'SR-SHMI', 'SR-CQC', 'RC']) {
      const ofType = PARITY_CASES.filter((c) => (c.data_type === 'SR' ? `SR-${c.sr_method}` : c.data_type) === type);
      const low = ofType.filter((c) => c.arguments !== undefined && rNumber(c.phi) < 1 && c.arguments.draw_adjusted);
      for (const drawUnadjusted of [false, true]) {
        for (const limit of [95, 99]) assert.ok(low.some((c) => c.arguments?.draw_unadjusted === drawUnadjusted && c.limit === limit), `${type} ${drawUnadjusted} ${limit}`);
      }
      assert.ok(low.some((c) => rNumber(c.tau2) > 0), `${type}: φ ≤ 1 with τ² > 0`);
      assert.ok(ofType.some((c) => c.arguments?.draw_adjusted === false && c.arguments.draw_unadjusted), `${type}: unadjusted only`);
      assert.ok(ofType.some((c) => c.arguments?.draw_adjusted === false && !c.arguments.draw_unadjusted), `${type}: neither`);
      assert.ok(ofType.some((c) => c.arguments?.draw_unadjusted && c.draw_adjusted && rNumber(c.phi) > 1), `${type}: both, φ > 1`);
    }
    // The decision matters: in some case the adjusted and unadjusted limits disagree on an organisation.
    assert.ok(PARITY_CASES.some((c) => c.arguments?.draw_unadjusted && rNumber(c.phi) < 1 && c.draw_adjusted));
  });

  for (const c of PARITY_CASES) {
    test(`${c.id} (${c.note})`, () => {
      const rows = c.rows.group.map((group, i) => ({ group, numerator: c.rows.numerator[i] ?? Number.NaN, denominator: c.rows.denominator[i] ?? Number.NaN }));
      const result = funnelPlot(rows, { dataType: DATA_TYPES[c.data_type], level: c.limit === 95 ? 95 : 99.8, srMethod: c.sr_method, ...caseOptions(c) });
      // Tighter than the 1e-6 bar: the port reproduces R's arithmetic, so only the last few bits may differ.
      const tolerance = 1e-12;
      assert.ok(agrees(result.phi, rNumber(c.phi), tolerance), `phi ${result.phi} vs ${c.phi}`);
      assert.ok(agrees(result.tau2, rNumber(c.tau2), tolerance), `tau2 ${result.tau2} vs ${c.tau2}`);
      assert.ok(agrees(result.target, rNumber(c.target), tolerance), `target ${result.target} vs ${c.target}`);
      assert.equal(result.judgedAgainst, judgedIn(c));
      const ours = new Map(result.groups.map((g) => [g.group, g]));
      assert.equal(ours.size, c.groups.group.length);
      c.groups.group.forEach((name, i) => {
        const g = ours.get(name);
        assert.ok(g, name);
        const r = (column: keyof ParityCase['groups']) => rNumber((c.groups[column] as RNumber[])[i]);
        const pairs: [string, number, number][] = [
          ['denominator', g.denominator, r('denominator')],
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
        for (const [what, actual, expected] of pairs) assert.ok(agrees(actual, expected, tolerance), `${name} ${what}: ${actual} vs R ${expected}`);
        assert.equal(g.outlier ? 1 : 0, r('outlier'), `${name} outlier`);
      });
    });
  }
});
