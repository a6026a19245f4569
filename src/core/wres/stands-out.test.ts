/**
 * What stands out, on hand-worked figures. The indicators are evaluated by the real evaluators from counts; only the
 * report around them (indicator 1, 9, breakdowns), which the rule never reads, is left out of the fixture.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WRES_ETHNICITY } from '../ethnicity/wres-characteristic.ts';
import { evaluateProportion } from '../indicators/evaluate-proportion.ts';
import { evaluateRatioHeadline } from '../indicators/evaluate-ratio.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../stats/disclosure.ts';
import type { EventCount } from '../stats/relative-likelihood.ts';
import { WRES_2, WRES_3, WRES_4, WRES_5, WRES_6, WRES_7, WRES_8 } from './definitions.ts';
import type { WresReport } from './report.ts';
import { standsOut } from './stands-out.ts';

type Pair = { white: EventCount; ethnicMinority: EventCount };
const RATIOS = { '2': WRES_2, '3': WRES_3, '4': WRES_4 } as const;
const SURVEYS = { '5': WRES_5, '6': WRES_6, '7': WRES_7, '8': WRES_8 } as const;

/** A report whose indicators 2 to 8 are evaluated from the given counts ("A" is White British, "H" Indian); the rest are not available. */
function reportWith(ratios: Partial<Record<'2' | '3' | '4', Pair>>, surveys: Partial<Record<'5' | '6' | '7' | '8', Pair>>): WresReport {
  const header = (d: { id: string; title: string; returnLabel: string }) => ({ id: d.id, title: d.title, returnLabel: d.returnLabel });
  const missing = (d: { id: string; title: string; returnLabel: string }) => ({ ...header(d), available: false as const, reason: 'not supplied' });
  const indicators: Record<string, unknown> = {};
  for (const id of ['2', '3', '4'] as const) {
    const pair = ratios[id];
    indicators[id] = pair
      ? { ...header(RATIOS[id]), available: true, breakdowns: {}, intersections: {}, ...evaluateRatioHeadline(RATIOS[id], { A: pair.white, H: pair.ethnicMinority }, WRES_ETHNICITY, POLICY) }
      : missing(RATIOS[id]);
  }
  for (const id of ['5', '6', '7', '8'] as const) {
    const pair = surveys[id];
    const survey = (c: EventCount) => ({ positive: c.events, respondents: c.population });
    indicators[id] = pair
      ? { ...header(SURVEYS[id]), available: true, ...evaluateProportion(SURVEYS[id], { white: survey(pair.white), ethnicMinority: survey(pair.ethnicMinority) }, WRES_ETHNICITY, POLICY) }
      : missing(SURVEYS[id]);
  }
  return { standard: 'WRES', year: 2025, indicators } as unknown as WresReport;
}

const n = (events: number, population: number): EventCount => ({ events, population });

describe('what stands out', () => {
  // Indicator 2: 1,100 of 3,000 White applicants (36.7%) against 500 of 2,000 ethnic minority applicants (25.0%):
  //   RL 1.4667; SE(ln) = √(1/1100 − 1/3000 + 1/500 − 1/2000) = 0.04556; interval 1.4667·e^(±1.96·0.04556) = 1.34 to 1.60.
  // Indicator 3: 30 of 2,000 ethnic minority staff against 60 of 6,000 White staff: RL 1.50, SE 0.2221,
  //   interval 0.97 to 2.32: includes 1, so it does not stand out.
  // Indicator 4: 40 of 100 White staff against 5 of 50 ethnic minority staff: RL 4.00, SE 0.4416, interval 1.68 to
  //   9.51: it would stand out, but 5 events is small numbers.
  // Indicator 5: 60 of 200 ethnic minority (30.0%) against 200 of 1,000 White (20.0%): Wilson 24.07% to 36.68% and
  //   17.64% to 22.59%; Newcombe d = +10.0, lower 10.0 − √(5.93² + 2.59²) = +3.5, upper 10.0 + √(6.68² + 2.36²) = +17.1.
  //   Ratio 1.50, |ln| 0.405, ahead of indicator 2's |ln 1.4667| = 0.383.
  // Indicator 6: 25 of 100 against 240 of 1,000: +1.0 points, interval includes 0.
  const report = reportWith(
    { '2': { white: n(1100, 3000), ethnicMinority: n(500, 2000) }, '3': { white: n(60, 6000), ethnicMinority: n(30, 2000) }, '4': { white: n(40, 100), ethnicMinority: n(5, 50) } },
    { '5': { white: n(200, 1000), ethnicMinority: n(60, 200) }, '6': { white: n(240, 1000), ethnicMinority: n(25, 100) } },
  );
  const result = standsOut(report);

  test('chooses what meets the rule, furthest from parity on the log scale first', () => {
    assert.deepEqual(result.findings.map((f) => f.id), ['5', '2']);
    assert.equal(result.judged, 5);
    const [survey, ratio] = result.findings;
    assert.ok(Math.abs(survey!.distance - Math.log(1.5)) < 1e-9);
    assert.ok(Math.abs(ratio!.ratio - 1.4667) < 1e-4);
    assert.deepEqual(ratio!.ci95.map((v) => v.toFixed(2)), ['1.34', '1.60']);
    assert.deepEqual(survey!.ci95.map((v) => v.toFixed(1)), ['3.5', '17.1']);
    assert.equal(survey!.differencePp!.toFixed(1), '10.0');
  });

  test('says each finding in a sentence with its counts, "times as likely" and no acronyms', () => {
    const [survey, ratio] = result.findings;
    assert.equal(ratio!.sentence,
      'White applicants were 1.47 times as likely as ethnic minority applicants to be appointed from shortlisting (95% interval 1.34 to 1.60): '
      + '1,100 of 3,000 White applicants (36.7%) against 500 of 2,000 ethnic minority applicants (25.0%).');
    assert.equal(survey!.sentence,
      '30.0% of ethnic minority staff (60 of 200) and 20.0% of White staff (200 of 1,000) experienced harassment, bullying or abuse from '
      + 'patients, relatives or the public: a gap of 10.0 percentage points (95% interval 3.5 to 17.1). '
      + 'Ethnic minority staff were 1.50 times as likely as White staff to say so.');
    for (const f of result.findings) assert.doesNotMatch(f.sentence, /\bB(A)?ME\b|\bwhite\b|\bblack\b/);
  });

  test('leaves out what rests on small numbers, and says so', () => {
    assert.deepEqual(result.leftOutForSmallNumbers.map((l) => l.id), ['4']);
  });

  test('a ratio below 1 is turned round, and ranks by its distance from 1 like one above', () => {
    // 20 of 100 White staff against 80 of 200 ethnic minority staff accessed training: RL 0.50, |ln| 0.693.
    const below = standsOut(reportWith({ '4': { white: n(20, 100), ethnicMinority: n(80, 200) }, '2': { white: n(1100, 3000), ethnicMinority: n(500, 2000) } }, {}));
    assert.deepEqual(below.findings.map((f) => f.id), ['4', '2']);
    assert.match(below.findings[0]!.sentence, /^Ethnic minority staff were 2\.00 times as likely as White staff to access non-mandatory training/);
  });

  test('keeps at most four', () => {
    const many = standsOut(reportWith(
      { '2': { white: n(1100, 3000), ethnicMinority: n(500, 2000) }, '4': { white: n(20, 100), ethnicMinority: n(80, 200) } },
      {
        '5': { white: n(200, 1000), ethnicMinority: n(60, 200) }, '6': { white: n(200, 1000), ethnicMinority: n(80, 200) },
        '7': { white: n(600, 1000), ethnicMinority: n(60, 200) }, '8': { white: n(100, 1000), ethnicMinority: n(60, 200) },
      },
    ));
    assert.equal(many.findings.length, 4);
    // |ln|: 8 → ln 3 = 1.10, 7 → ln 2 = 0.69 and 4 → ln 2 = 0.69 (tie: lower indicator first), 6 → ln 2 = 0.69, 5 → 0.41, 2 → 0.38.
    assert.deepEqual(many.findings.map((f) => f.id), ['8', '4', '6', '7']);
  });

  test('nothing stands out when everything is within the range or could be chance', () => {
    const quiet = standsOut(reportWith({ '3': { white: n(60, 6000), ethnicMinority: n(30, 2000) }, '2': { white: n(300, 1000), ethnicMinority: n(280, 1000) } }, { '6': { white: n(240, 1000), ethnicMinority: n(25, 100) } }));
    assert.deepEqual(quiet.findings, []);
    assert.deepEqual(quiet.leftOutForSmallNumbers, []);
    assert.equal(quiet.judged, 3);
  });
});
