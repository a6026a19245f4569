/** Hand-worked: senior leadership shares from band rows, shortlisted shares from a ratio's counts, and withholding. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { WRES_TARGET_GROUP } from '../targets/model-employer.ts';
import { actionsWithMetrics, SUCCESS_METRICS } from './success-metrics.ts';
import { seniorLeadershipShare, shortlistedShare, withSmallNumbersWithheld } from './figures.ts';

test('Band 8c and above: 8c, 8d, 9 and VSM added, clinical and non-clinical together, medical and lower bands left out', () => {
  const year = {
    year: 2025, overall: { total: 1000, focus: 200 },
    rows: [
      { cluster: 'nonClinical' as const, row: 'Band 8c', total: 20, focus: 2 },
      { cluster: 'clinical' as const, row: 'Band 8c', total: 30, focus: 6 },
      { cluster: 'clinical' as const, row: 'Band 8d', total: 25, focus: 3 },
      { cluster: 'nonClinical' as const, row: 'Band 9', total: 10, focus: 1 },
      { cluster: 'nonClinical' as const, row: 'VSM', total: 15, focus: 0 },
      { cluster: 'clinical' as const, row: 'Band 8b', total: 40, focus: 12 },
      { cluster: 'medical' as const, row: 'VSM', total: 9, focus: 9 },
    ],
  };
  // (2 + 6 + 3 + 1 + 0) of (20 + 30 + 25 + 10 + 15) = 12 of 100 = 12%.
  const share = seniorLeadershipShare(WRES_TARGET_GROUP, year);
  assert.deepEqual(share.counts, [{ group: 'ethnicMinority', events: 12, population: 100 }]);
  assert.equal(share.value, 12);
  // Wilson 95% interval for 12 of 100: 7.0% to 19.8%.
  assert.deepEqual(share.ci95?.map((x) => x.toFixed(1)), ['7.0', '19.8']);
});

test('shortlisted share: ethnic minority shortlisted over everyone shortlisted in the indicator\'s counts', () => {
  const ratio = {
    available: true as const,
    figure: {
      year: 2025, kind: 'ratio' as const, value: 1.5, ci95: [1.1, 2] as const, smallNumbers: false, parity: 1,
      counts: [{ group: 'white', events: 60, population: 300 }, { group: 'ethnicMinority', events: 20, population: 150 }],
    },
  };
  const share = shortlistedShare(ratio, 'ethnicMinority');
  assert.ok(share.available);
  // 150 of 450 = 33.3%.
  assert.equal(share.figure.value?.toFixed(1), '33.3');
  assert.deepEqual(share.figure.counts, [{ group: 'ethnicMinority', events: 150, population: 450 }]);
  assert.deepEqual(shortlistedShare({ available: false, reason: 'none' }, 'ethnicMinority'), { available: false, reason: 'none' });
});

test('withheld for viewers when a count, or a population less its events, is 1 to 7; shown to analysts', () => {
  const figure = (events: number, population: number) => ({
    available: true as const,
    figure: { year: 2025, kind: 'representation' as const, value: 1, ci95: null, smallNumbers: false, parity: null, counts: [{ group: 'disabled', events, population }] },
  });
  assert.equal(withSmallNumbersWithheld(figure(7, 100), DEFAULT_DISCLOSURE_POLICY).available, false);
  assert.equal(withSmallNumbersWithheld(figure(8, 100), DEFAULT_DISCLOSURE_POLICY).available, true);
  assert.equal(withSmallNumbersWithheld(figure(0, 100), DEFAULT_DISCLOSURE_POLICY).available, true);
  // 95 of 100: the 5 not in the group would show by subtraction.
  assert.equal(withSmallNumbersWithheld(figure(95, 100), DEFAULT_DISCLOSURE_POLICY).available, false);
  assert.equal(withSmallNumbersWithheld(figure(7, 100), null).available, true);
});

test('six actions, each with its metrics as published, numbered in order', () => {
  const all = actionsWithMetrics();
  assert.deepEqual(all.map((a) => a.metrics.map((m) => m.id).join(' ')), ['1a', '2a 2b 2c 2d 2e 2f', '3a', '4a 4b 4c', '5a 5b 5c', '6a 6b 6c']);
  assert.deepEqual(SUCCESS_METRICS.filter((m) => m.computed.length > 0).map((m) => m.id), ['2a', '2c', '2d', '2e', '3a', '6a', '6b']);
});
