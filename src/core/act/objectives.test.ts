import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WDES_SURVEY } from '../wdes/definitions.ts';
import { WRES_1, WRES_2, WRES_5, WRES_9 } from '../wres/definitions.ts';
import { type HeadlineFigure, headlineFigure } from './headline.ts';
import { HIGH_IMPACT_ACTIONS } from './high-impact-actions.ts';
import { missingSentence, type ObjectiveInput, progress, smartCheck } from './objectives.ts';

const WDES_8 = WDES_SURVEY.find((d) => d.id === '8')!;
const TODAY = '2026-12-05';
const COMPLETE: ObjectiveInput = {
  standard: 'wres', indicator: '2', scope: 'organisation', targetKind: 'range', targetDate: '2028-03-31',
  ownerName: 'A. Chair', ownerRole: 'board-member', action: '2',
};

describe('the SMART check', () => {
  test('accepts a complete objective', () => {
    const check = smartCheck(COMPLETE, 'ratio', TODAY);
    assert.ok(check.ok);
    assert.deepEqual(check.terms.target, { kind: 'range' });
    assert.equal(check.terms.ownerRole, 'board-member');
  });

  test('names every missing part, not only the first', () => {
    const check = smartCheck({ standard: 'wres', indicator: '2', targetKind: 'parity' }, 'ratio', TODAY);
    assert.ok(!check.ok);
    assert.deepEqual(check.problems.map((p) => p.field), ['targetDate', 'ownerName', 'ownerRole']);
    assert.equal(missingSentence(check.problems), 'This objective is not SMART yet: it needs a date and an owner.');
  });

  test('refuses an objective with no measure, target, date or owner, saying so', () => {
    const check = smartCheck({}, null, TODAY);
    assert.ok(!check.ok);
    assert.equal(missingSentence(check.problems), 'This objective is not SMART yet: it needs a measure, a target, a date and an owner.');
  });

  test('refuses a value target with no value, and a range for a percentage', () => {
    const noValue = smartCheck({ ...COMPLETE, targetKind: 'value', targetValue: '' }, 'ratio', TODAY);
    assert.ok(!noValue.ok);
    assert.deepEqual(noValue.problems.map((p) => p.message), ['Enter the target value']);
    const range = smartCheck({ ...COMPLETE, indicator: '5', targetKind: 'range' }, 'proportion', TODAY);
    assert.ok(!range.ok);
    assert.match(range.problems[0]!.message, /for relative likelihoods/);
  });

  test('refuses a date that is not real or has passed', () => {
    for (const date of ['2027-02-30', '31/03/2027', TODAY]) {
      const check = smartCheck({ ...COMPLETE, targetDate: date }, 'ratio', TODAY);
      assert.ok(!check.ok, date);
      assert.equal(check.problems[0]!.field, 'targetDate');
    }
  });

  test('the six high-impact actions are there, numbered 1 to 6', () => {
    assert.deepEqual(HIGH_IMPACT_ACTIONS.map((a) => a.id), ['1', '2', '3', '4', '5', '6']);
  });
});

// The worked example of core/stats/change-between-years.ts: 100 of 400 White against 20 of 100 ethnic minority
// applicants appointed (RL 1.25), then 117 of 389 against 2 of 10 (RL 1.504): the ratio of the two is 1.203,
// 95% interval 0.321 to 4.503, which includes 1.
const ratioYear = (year: number, w: [number, number], em: [number, number]): HeadlineFigure => ({
  year, kind: 'ratio', value: (w[0] / w[1]) / (em[0] / em[1]), ci95: null,
  counts: [{ group: 'white', events: w[0], population: w[1] }, { group: 'ethnicMinority', events: em[0], population: em[1] }],
  smallNumbers: false, parity: 1,
});

describe('headline figures from a report', () => {
  test('a relative likelihood keeps both groups\' counts and its interval', () => {
    const report = { indicators: { '2': {
      available: true, value: 1.25, ci95: [0.83, 1.88], smallNumbers: false,
      groups: { white: { events: 100, population: 400 }, ethnicMinority: { events: 20, population: 100 }, unknown: { events: 1, population: 3 } },
    } } };
    const result = headlineFigure(WRES_2, report, 2025);
    assert.ok(result.available);
    assert.deepEqual(result.figure, { ...ratioYear(2025, [100, 400], [20, 100]), value: 1.25, ci95: [0.83, 1.88] });
  });

  test('a survey item is the ethnic minority percentage, with White staff as parity', () => {
    const report = { indicators: { '5': { available: true, groups: {
      white: { respondents: 200, positive: 40, pct: 20, ci95: [15, 26], smallNumbers: false },
      ethnicMinority: { respondents: 50, positive: 15, pct: 30, ci95: [19, 44], smallNumbers: false },
    } } } };
    const result = headlineFigure(WRES_5, report, 2025);
    assert.ok(result.available);
    assert.equal(result.figure.value, 30);
    assert.equal(result.figure.parity, 20);
    assert.deepEqual(result.figure.counts[0], { group: 'ethnicMinority', events: 15, population: 50 });
  });

  test('an item asked of Disabled staff only (WDES metric 8) is their percentage, with no parity', () => {
    const report = { metrics: { '8': { available: true, groups: { disabled: { respondents: 343, positive: 244, pct: 71.137, ci95: [66.13, 75.68], smallNumbers: false } } } } };
    const result = headlineFigure(WDES_8, report, 2025);
    assert.ok(result.available);
    assert.deepEqual(result.figure, {
      year: 2025, kind: 'proportion', value: 71.137, ci95: [66.13, 75.68], counts: [{ group: 'disabled', events: 244, population: 343 }], smallNumbers: false, parity: null,
    });
  });

  test('the share of the workforce gets a Wilson interval; a board gap has none', () => {
    const share = headlineFigure(WRES_1, { indicators: { '1': { available: true, overall: { total: 100, ethnicMinority: { count: 20, pct: 20 } } } } }, 2025);
    assert.ok(share.available);
    // Wilson 95% for 20 of 100: 13.3% to 28.9%.
    assert.deepEqual(share.figure.ci95?.map((n) => n.toFixed(1)), ['13.3', '28.9']);
    const gap = headlineFigure(WRES_9, { indicators: { '9': { available: true, voting: { boardCount: 2, boardTotal: 12, differencePp: -12.6 } } } }, 2025);
    assert.ok(gap.available);
    assert.equal(gap.figure.ci95, null);
    assert.equal(gap.figure.smallNumbers, false);
  });

  test('an unavailable indicator says why', () => {
    const result = headlineFigure(WRES_2, { indicators: { '2': { available: false, reason: 'applications.csv was not supplied' } } }, 2025);
    assert.deepEqual(result, { available: false, reason: 'applications.csv was not supplied' });
  });
});

describe('progress', () => {
  test('a rise within chance is said to be so (the worked example)', () => {
    const baseline = ratioYear(2024, [100, 400], [20, 100]);
    const p = progress(baseline, { kind: 'range' }, '2026-03-31', [ratioYear(2025, [117, 389], [2, 10])]);
    assert.equal(p.change?.beyondChance, false);
    assert.equal(p.change?.difference.toFixed(3), '0.254');
    assert.equal(p.status, 'off-track');
  });

  test('the trajectory is a straight line from the baseline to the target by its date', () => {
    // 1.50 in March 2024, target 1.10 by March 2026: halfway (365 of 730 days), the line is at 1.30; 1.25 is ahead.
    const baseline = { ...ratioYear(2024, [150, 400], [25, 100]) };
    assert.equal(baseline.value, 1.5);
    const latest = ratioYear(2025, [125, 400], [25, 100]);
    const p = progress(baseline, { kind: 'value', value: 1.1 }, '2026-03-31', [latest]);
    assert.equal(p.trajectory?.expected.toFixed(2), '1.30');
    assert.equal(p.status, 'on-track');
    assert.match(p.sentence, /^2025: 1\.25\. Down 0\.25 since 2024/);
  });

  test('a relative likelihood inside 0.80 to 1.25 meets the range target', () => {
    const p = progress(ratioYear(2024, [160, 400], [25, 100]), { kind: 'range' }, '2027-03-31', [ratioYear(2025, [120, 400], [25, 100])]);
    assert.equal(p.status, 'met');
  });

  test('a percentage rise more than chance (Newcombe\'s example, 48 of 80 then 56 of 70)', () => {
    const figure = (year: number, events: number, population: number): HeadlineFigure => ({
      year, kind: 'proportion', value: (events / population) * 100, ci95: null,
      counts: [{ group: 'ethnicMinority', events, population }, { group: 'white', events: 50, population: 100 }], smallNumbers: false, parity: 50,
    });
    const p = progress(figure(2024, 48, 80), { kind: 'value', value: 85 }, '2027-03-31', [figure(2025, 56, 70)]);
    assert.equal(p.change?.beyondChance, true);
    assert.equal(p.change?.difference.toFixed(1), '20.0');
    assert.equal(p.status, 'on-track');
  });

  test('with no later figure, says progress starts with the next import', () => {
    const p = progress(ratioYear(2025, [100, 400], [20, 100]), { kind: 'parity' }, '2027-03-31', [ratioYear(2025, [100, 400], [20, 100])]);
    assert.equal(p.status, 'no-new-figure');
  });
});
