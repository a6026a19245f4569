import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RatioBreakdownRow } from '../../core/indicators/evaluate-ratio.ts';
import type { Indicator1 } from '../../core/wres/report.ts';
import { bandSharesFromIndicator1, forestRowsFromBreakdown, rateGroupsFromRatio, rateGroupsFromSurvey } from './adapters.ts';

const base = {
  undefinedReason: null, undefinedExplanation: null, withinNonAdverseRange: null, significant: null, smallNumbers: false,
  suppressed: false, suppressionReason: null, numerator: null, denominator: null,
} as const;

test('breakdown rows become forest rows that say why a value is missing', () => {
  const rows: RatioBreakdownRow[] = [
    { ...base, key: 'a', label: 'A', value: 1.5, ci95: [1.1, 2], smallNumbers: true },
    { ...base, key: 'b', label: 'B', value: null, ci95: null, suppressed: true, suppressionReason: 'fewer than 8' },
    { ...base, key: 'c', label: 'C', value: null, ci95: null, undefinedReason: 'noDenominatorEvents', undefinedExplanation: 'x' },
  ];
  assert.deepEqual(forestRowsFromBreakdown(rows), [
    { label: 'A', value: 1.5, ci95: [1.1, 2] },
    { label: 'B', value: null, ci95: null, note: 'withheld' },
    { label: 'C', value: null, ci95: null, note: 'not calculable' },
  ]);
  assert.equal(forestRowsFromBreakdown(rows, { flagSmallNumbers: true })[0]?.note, 'small numbers');
});

test('group rates and survey proportions become bars', () => {
  const rate = (events: number, population: number) => ({ events, population, rate: population ? events / population : null, ci95: population ? [0.1, 0.2] as const : null });
  assert.deepEqual(
    rateGroupsFromRatio({ white: rate(1, 4), ethnicMinority: rate(0, 0), unknown: rate(1, 2) }, { white: 'White', ethnicMinority: 'Ethnic minority' }),
    [
      { label: 'White', value: 0.25, ci95: [0.1, 0.2] },
      { label: 'Ethnic minority', value: null, ci95: null, note: 'nobody in this group' },
    ],
  );
  const survey = {
    white: { respondents: 100, positive: 27, pct: 27, ci95: [19.3, 36.4] as const, smallNumbers: false },
    ethnicMinority: { respondents: 0, positive: 0, pct: null, ci95: null, smallNumbers: true },
  };
  assert.deepEqual(rateGroupsFromSurvey(survey, { white: 'White staff', ethnicMinority: 'Ethnic minority staff' }, ['white', 'ethnicMinority']), [
    { label: 'White staff', value: 27, ci95: [19.3, 36.4] },
    { label: 'Ethnic minority staff', value: null, ci95: null, note: 'no respondents' },
  ]);
});

test('indicator 1 rows become band shares under their cluster', () => {
  const shares = (white: number, em: number, unknown: number) => {
    const total = white + em + unknown;
    const pct = (n: number) => (total ? (n / total) * 100 : null);
    return {
      total,
      white: { count: white, pct: pct(white) },
      ethnicMinority: { count: em, pct: pct(em) },
      unknown: { count: unknown, pct: pct(unknown), notStated: unknown, notKnown: 0, missing: 0 },
    };
  };
  const indicator: Indicator1 = {
    id: '1', title: 'Representation', returnLabel: 'BME', available: true, bankOnlyExcluded: 0, statement: '',
    pipeline: { base: null, steps: [], statement: '' },
    overall: shares(150, 50, 5),
    rows: [
      { cluster: 'nonClinical', clusterLabel: 'Non-clinical', row: 'Band 2', ...shares(100, 20, 5) },
      { cluster: 'clinical', clusterLabel: 'Clinical', row: 'Band 5', ...shares(50, 30, 0) },
    ],
  };
  assert.deepEqual(bandSharesFromIndicator1(indicator), {
    rows: [
      { label: 'Band 2', group: 'Non-clinical', count: 20, total: 125 },
      { label: 'Band 5', group: 'Clinical', count: 30, total: 80 },
    ],
    workforce: { count: 50, total: 205 },
  });
});
