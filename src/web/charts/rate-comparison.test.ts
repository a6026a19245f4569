import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRates, rateComparison, type RateGroup } from './rate-comparison.ts';
import { descOf, parseSvg, textOf } from './svg-contract.ts';

const appointment: RateGroup[] = [
  { label: 'White applicants', value: 117 / 389, ci95: [0.2573, 0.3481] },
  { label: 'Ethnic minority applicants', value: 0.198, ci95: [0.15, 0.256] },
];

test('bars are labelled with the group and the value as a percentage', () => {
  const svg = rateComparison(appointment, { id: 'r', title: 'Appointment rates', unit: 'rate' });
  const text = textOf(svg);
  for (const expected of ['White applicants', '30.1%', 'Ethnic minority applicants', '19.8%', 'Percentage']) assert.ok(text.includes(expected), expected);
  assert.equal(parseSvg(svg).querySelectorAll('rect').length, 2);
});

test('the description gives each rate, its interval and the gap', () => {
  assert.equal(
    descOf(rateComparison(appointment, { id: 'r', title: 'T', unit: 'rate' })),
    'White applicants 30.1% (95% interval 25.7% to 34.8%); Ethnic minority applicants 19.8% (95% interval 15.0% to 25.6%). A difference of 10.3 percentage points.',
  );
  assert.equal(describeRates([{ label: 'White staff', value: 27.1, ci95: null }], 'pct'), 'White staff 27.1%.');
  assert.equal(describeRates([], 'pct'), 'No data.');
});

test('percentages and rates give the same picture', () => {
  const pct = rateComparison(appointment.map((g) => ({ ...g, value: (g.value ?? 0) * 100, ci95: g.ci95 && [g.ci95[0] * 100, g.ci95[1] * 100] })), { id: 'r', title: 'T', unit: 'pct' });
  const rate = rateComparison(appointment, { id: 'r', title: 'T', unit: 'rate' });
  assert.equal(pct, rate);
});

test('a group with no figure is named and says so', () => {
  const svg = rateComparison(
    [{ label: 'White staff', value: 27.1, ci95: [25, 29.3] }, { label: 'Ethnic minority staff', value: null, ci95: null, note: 'fewer than 11 respondents' }],
    { id: 'r', title: 'T', unit: 'pct' },
  );
  assert.ok(textOf(svg).includes('fewer than 11 respondents'));
  assert.equal(descOf(svg), 'White staff 27.1% (95% interval 25.0% to 29.3%); Ethnic minority staff: fewer than 11 respondents.');
  assert.ok(textOf(rateComparison([{ label: 'X', value: null, ci95: null }], { id: 'r', title: 'T', unit: 'pct' })).includes('no figure'));
});

test('0% and 100% are drawn and labelled', () => {
  const svg = rateComparison(
    [{ label: 'None', value: 0, ci95: [0, 0.1837] }, { label: 'All', value: 1, ci95: [0.9, 1] }],
    { id: 'r', title: 'T', unit: 'rate' },
  );
  const text = textOf(svg);
  assert.ok(text.includes('0.0%') && text.includes('100.0%'));
  assert.ok(text.includes('100%'), 'axis reaches 100%');
  assert.match(descOf(svg), /None 0\.0% \(95% interval 0\.0% to 18\.4%\); All 100\.0%/);
});
