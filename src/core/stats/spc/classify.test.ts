/** Special-cause labels, point types, the variation and assurance icons, phases and short-phase warnings. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assurance, variationIcon } from './icons.ts';
import { dateOrder, phaseNumbers, SHORT_PHASE_THRESHOLD, shortPhaseFlags } from './phases.ts';
import { pointType, type ImprovementDirection, type PointType } from './point-type.ts';
import { specialCauseTypes, trendStepDirection } from './special-cause.ts';

const rep = <T>(x: T, n: number): T[] => Array<T>(n).fill(x);
const tri = (xs: readonly number[]) => xs.map((x) => x !== 0);

describe('special-cause labels and their precedence (ptd_special_cause_type)', () => {
  test("the package's own case: every rule, in order", () => {
    const types = specialCauseTypes({
      values: [1, 2, 3, 4, 5, 6, 7, 8],
      relativeToMean: [1, 1, 1, 1, -1, -1, -1, -1],
      outsideLimits: tri([0, 0, 0, 0, 0, 1, 1, 0]),
      partOfTrend: tri([1, 1, 0, 0, 0, 0, 0, 0]),
      partOfShift: tri([0, 0, 1, 1, 0, 0, 0, 0]),
      partOfTwoInThree: tri([0, 0, 0, 0, 1, 0, 0, 0]),
    });
    assert.deepEqual(types, [
      '7 Point Trend (Increasing)', '7 Point Trend (Increasing)', '7 Points Above CL', '7 Points Above CL',
      '2 in 3 Below CL', 'Below LCL', 'Below LCL', 'Common Cause',
    ]);
  });

  test('outside beats trend beats 2 in 3 beats shift', () => {
    const one = (flags: { o: number; t: number; n: number; s: number }) =>
      specialCauseTypes({
        values: [1, 2],
        relativeToMean: [1, 1],
        outsideLimits: tri([0, flags.o]),
        partOfTrend: tri([flags.t, flags.t]),
        partOfTwoInThree: tri([0, flags.n]),
        partOfShift: tri([0, flags.s]),
      })[1];
    assert.equal(one({ o: 1, t: 1, n: 1, s: 1 }), 'Above UCL');
    assert.equal(one({ o: 0, t: 1, n: 1, s: 1 }), '7 Point Trend (Increasing)');
    assert.equal(one({ o: 0, t: 0, n: 1, s: 1 }), '2 in 3 Above CL');
    assert.equal(one({ o: 0, t: 0, n: 0, s: 1 }), '7 Points Above CL');
    assert.equal(one({ o: 0, t: 0, n: 0, s: 0 }), 'Common Cause');
  });

  test('unknown (missing) flags do not count', () => {
    const types = specialCauseTypes({
      values: [null],
      relativeToMean: [null],
      outsideLimits: [null],
      partOfTrend: [false],
      partOfTwoInThree: [null],
      partOfShift: [null],
    });
    assert.deepEqual(types, ['Common Cause']);
  });

  test('a point at the turn between two trends takes the direction of the step after it', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    const part = rep(true, 13);
    const steps = trendStepDirection(values, part);
    assert.deepEqual(steps, [1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1]);
  });

  test('labels follow the rule lengths', () => {
    const types = specialCauseTypes(
      { values: [1, 2], relativeToMean: [1, -1], outsideLimits: [false, false], partOfTrend: [false, false], partOfTwoInThree: [true, false], partOfShift: [false, true] },
      { trendLength: 5, shiftLength: 6, twoInThreeWindow: 4, twoInThreeCount: 3 },
    );
    assert.deepEqual(types, ['3 in 4 Above CL', '6 Points Below CL']);
  });
});

describe('point types (ptd_point_type)', () => {
  const cases: [string, ImprovementDirection, PointType][] = [
    ['Above UCL', 'increase', 'special_cause_improvement'],
    ['Above UCL', 'decrease', 'special_cause_concern'],
    ['Above UCL', 'neutral', 'special_cause_neutral_high'],
    ['Below LCL', 'increase', 'special_cause_concern'],
    ['Below LCL', 'decrease', 'special_cause_improvement'],
    ['Below LCL', 'neutral', 'special_cause_neutral_low'],
    ['7 Point Trend (Increasing)', 'increase', 'special_cause_improvement'],
    ['7 Point Trend (Decreasing)', 'increase', 'special_cause_concern'],
    ['7 Point Trend (Decreasing)', 'neutral', 'special_cause_neutral_low'],
    ['2 in 3 Above CL', 'decrease', 'special_cause_concern'],
    ['7 Points Below CL', 'decrease', 'special_cause_improvement'],
    ['Common Cause', 'increase', 'common_cause'],
    ['Common Cause', 'neutral', 'common_cause'],
  ];
  for (const [type, direction, expected] of cases) {
    test(`${type}, ${direction} → ${expected}`, () => assert.equal(pointType(type, direction), expected));
  }
});

describe('variation icon, from the last point (ptd_get_icons)', () => {
  test('improvement and concern are high or low by direction', () => {
    assert.equal(variationIcon('special_cause_improvement', 'increase'), 'improvement_high');
    assert.equal(variationIcon('special_cause_improvement', 'decrease'), 'improvement_low');
    assert.equal(variationIcon('special_cause_concern', 'increase'), 'concern_low');
    assert.equal(variationIcon('special_cause_concern', 'decrease'), 'concern_high');
    assert.equal(variationIcon('special_cause_neutral_high', 'neutral'), 'neutral_high');
    assert.equal(variationIcon('special_cause_neutral_low', 'neutral'), 'neutral_low');
    assert.equal(variationIcon('common_cause', 'neutral'), 'common_cause');
  });
});

describe('assurance (ptd_calculate_assurance_type)', () => {
  const facets = [{ lpl: 1, upl: 3 }, { lpl: 5, upl: 7 }, { lpl: 1, upl: 5 }];

  test("the package's cases, increase and decrease", () => {
    assert.deepEqual(facets.map((l) => assurance(4, l, 'increase')), ['consistent_fail', 'consistent_pass', 'inconsistent']);
    assert.deepEqual(facets.map((l) => assurance(4, l, 'decrease')), ['consistent_pass', 'consistent_fail', 'inconsistent']);
  });

  test('none with a neutral direction or without a target', () => {
    assert.deepEqual(facets.map((l) => assurance(4, l, 'neutral')), [null, null, null]);
    assert.equal(assurance(null, facets[0] ?? { lpl: 0, upl: 0 }, 'increase'), null);
  });

  test('a target exactly on a limit, or limits that could not be calculated, is inconsistent', () => {
    assert.equal(assurance(3, { lpl: 1, upl: 3 }, 'increase'), 'inconsistent');
    assert.equal(assurance(1, { lpl: 1, upl: 3 }, 'increase'), 'inconsistent');
    assert.equal(assurance(1, { lpl: Number.NaN, upl: Number.NaN }, 'increase'), 'inconsistent');
  });
});

describe('phases and short-phase warnings', () => {
  test('a rebase starts a new phase; a rebase on the first point only renumbers', () => {
    assert.deepEqual(phaseNumbers([false, false, true, false, true]), [0, 0, 1, 1, 2]);
    assert.deepEqual(phaseNumbers([true, false]), [1, 1]);
    assert.deepEqual(phaseNumbers([]), []);
  });

  test('points are put in date order; a repeated date is refused', () => {
    assert.deepEqual(dateOrder(['2024-03-01', '2024-01-01', '2024-02-01']), [1, 2, 0]);
    assert.throws(() => dateOrder(['2024-01-01', '2024-02-01', '2024-01-01']), /2024-01-01 appears more than once/);
  });

  test("the package's threshold is 13 in code, so 12 points are still warned about", () => {
    assert.equal(SHORT_PHASE_THRESHOLD, 13);
    assert.deepEqual(shortPhaseFlags(rep(0, 12)), rep(true, 12));
    assert.deepEqual(shortPhaseFlags(rep(0, 13)), rep(false, 13));
  });

  test("the package's cases with threshold 12", () => {
    assert.deepEqual(shortPhaseFlags(rep(0, 11), 12), rep(true, 11));
    assert.deepEqual(shortPhaseFlags(rep(0, 12), 12), rep(false, 12));
    const phases = [...rep(0, 35), ...rep(1, 5)];
    assert.deepEqual(shortPhaseFlags(phases, 12), [...rep(false, 35), ...rep(true, 5)]);
  });
});
