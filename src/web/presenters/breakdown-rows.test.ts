/**
 * What a breakdown page shows of its rows, on hand-made counts evaluated by the real evaluators (indicator 3: ethnic
 * minority staff entering the formal disciplinary process, against White staff).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WRES_ETHNICITY } from '../../core/ethnicity/wres-characteristic.ts';
import { evaluateDimension, evaluateSpecificComparisons } from '../../core/indicators/evaluate-ratio.ts';
import { DEFAULT_DISCLOSURE_POLICY as POLICY } from '../../core/stats/disclosure.ts';
import { WRES_3 } from '../../core/wres/definitions.ts';
import { breakdownCharts, breakdownDisplay, forestRowsFromShown } from './breakdown-rows.ts';

const WORDS = { numeratorHeading: "Group's staff", denominatorHeading: 'White staff', eventPast: WRES_3.wording.eventPast };
const SETS = [
  { key: 'H', label: 'Indian', categories: ['H'] },
  { key: 'J', label: 'Pakistani', categories: ['J'] },
  { key: 'R', label: 'Chinese', categories: ['R'] },
  { key: 'M', label: 'Caribbean', categories: ['M'] },
  { key: 'N', label: 'African', categories: ['N'] },
];
// White: 28 of 2,570 entered the process. Indian 12 of 400; Pakistani 0 of 40; Chinese nobody; Caribbean 3 of 50
// (a count of 3: withheld when suppressed); African 20 of 300.
const COUNTS = {
  A: { events: 28, population: 2570 },
  H: { events: 12, population: 400 },
  J: { events: 0, population: 40 },
  M: { events: 3, population: 50 },
  N: { events: 20, population: 300 },
};

describe('the rows a breakdown page shows', () => {
  test('groups with nobody are named on one line; groups with people but no figure say why; the rest as they are', () => {
    const rows = evaluateSpecificComparisons(WRES_3, COUNTS, WRES_ETHNICITY, SETS, POLICY, { suppress: false });
    const shown = breakdownDisplay(rows, 'numerator', WORDS);
    assert.deepEqual(shown.nobody, ['Chinese']);
    assert.deepEqual(shown.rows.map((r) => r.label), ['Indian', 'Pakistani', 'Caribbean', 'African']);
    const pakistani = shown.rows.find((r) => r.label === 'Pakistani')!;
    assert.equal(pakistani.value, 0, 'the report keeps its ratio of 0; the page does not show it');
    assert.equal(pakistani.noFigure, 'No figure: none of the 40 people in this group entered a formal disciplinary investigation, so there is no likelihood to compare.');
    // Indian: (12/400) ÷ (28/2570) = 2.75, a figure.
    const indian = shown.rows.find((r) => r.label === 'Indian')!;
    assert.equal(indian.noFigure, null);
    assert.equal(indian.value!.toFixed(2), '2.75');

    const forest = forestRowsFromShown(shown.rows);
    assert.deepEqual(forest.find((r) => r.label === 'Pakistani'), { label: 'Pakistani', value: null, ci95: null, note: 'no figure: no events in this group' });
    assert.equal(forest.find((r) => r.label === 'Indian')!.value!.toFixed(2), '2.75');
  });

  test('a withheld row stays withheld and is never named as having nobody', () => {
    const rows = evaluateSpecificComparisons(WRES_3, COUNTS, WRES_ETHNICITY, SETS, POLICY, { suppress: true });
    const shown = breakdownDisplay(rows, 'numerator', WORDS);
    const caribbean = shown.rows.find((r) => r.label === 'Caribbean')!;
    assert.equal(caribbean.suppressed, true);
    assert.equal(caribbean.noFigure, null);
    assert.equal(caribbean.numerator, null);
    assert.deepEqual(forestRowsFromShown([caribbean]), [{ label: 'Caribbean', value: null, ci95: null, note: 'withheld' }]);
    // A group with nobody has counts of 0 only, which is not a small count: it is not withheld, and may be named.
    assert.deepEqual(shown.nobody, ['Chinese']);
  });

  test('in a staff group both sides are the group: nobody only when both are empty; one side empty is no figure', () => {
    const rows = evaluateDimension(WRES_3, {
      Estates: {},
      Medical: { A: { events: 4, population: 90 } },
      Nursing: { A: { events: 10, population: 900 }, H: { events: 0, population: 0 }, N: { events: 10, population: 300 } },
      Admin: { A: { events: 0, population: 200 }, N: { events: 2, population: 100 } },
    }, WRES_ETHNICITY, POLICY, { suppress: false }, ['Estates', 'Medical', 'Nursing', 'Admin']);
    const shown = breakdownDisplay(rows, 'both', { numeratorHeading: 'Ethnic minority staff', denominatorHeading: 'White staff', eventPast: WRES_3.wording.eventPast });
    assert.deepEqual(shown.nobody, ['Estates']);
    const medical = shown.rows.find((r) => r.label === 'Medical')!;
    assert.equal(medical.noFigure, 'No figure: there are no ethnic minority staff, so there is nobody to compare with.');
    const admin = shown.rows.find((r) => r.label === 'Admin')!;
    assert.equal(admin.value, null);
    assert.equal(admin.noFigure, 'No figure: none of the 200 White staff entered a formal disciplinary investigation, so there is no likelihood to compare.');
    assert.equal(admin.noFigureShort, 'no figure: no events among White staff');
    assert.equal(shown.rows.find((r) => r.label === 'Nursing')!.noFigure, null);
  });

  test('the chart is drawn narrow for phones and wide for wider screens, with the same rows and no 0.00', () => {
    const shown = breakdownDisplay(evaluateSpecificComparisons(WRES_3, COUNTS, WRES_ETHNICITY, SETS, POLICY, { suppress: false }), 'numerator', WORDS);
    const charts = breakdownCharts(shown.rows, { prefix: 'wres3', key: 'ethnicCategory', title: 'Indicator 3 by ethnic category' });
    const [chart, chartWide] = [charts.chart!, charts.chartWide!];
    assert.match(chart, /viewBox="0 0 400 /);
    assert.match(chartWide, /viewBox="0 0 760 /);
    for (const svg of [chart, chartWide]) {
      assert.doesNotMatch(svg, />0\.00</, 'no group is drawn at 0.00');
      assert.doesNotMatch(svg, /Chinese/, 'a group with nobody is not drawn');
      assert.match(svg, /no figure: no events in this group/);
    }
    assert.notEqual(chart.match(/id="([^"]+)"/)![1], chartWide.match(/id="([^"]+)"/)![1], 'the two drawings have their own ids');
  });

  test('with no figure to draw there is no chart', () => {
    const withheld = breakdownDisplay(evaluateSpecificComparisons(WRES_3, COUNTS, WRES_ETHNICITY, SETS.filter((s) => s.key === 'J' || s.key === 'M'), POLICY, { suppress: true }), 'numerator', WORDS);
    assert.deepEqual(withheld.rows.map((r) => [r.label, r.suppressed, r.noFigure !== null]), [['Pakistani', false, true], ['Caribbean', true, false]]);
    assert.deepEqual(breakdownCharts(withheld.rows, { prefix: 'wres3', key: 'ethnicCategory', title: 'Indicator 3' }), { chart: null, chartWide: null });
  });
});
