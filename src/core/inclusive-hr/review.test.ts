/**
 * The review generator with hand-worked figures: each expected number below is worked out in the comment beside it,
 * not read back from the code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HeadlineResult } from '../act/headline.ts';
import { WDES_3 } from '../wdes/definitions.ts';
import { WRES_1, WRES_3, WRES_4 } from '../wres/definitions.ts';
import { bandReading, changeSinceLastYear, generateReview, largestGaps, type ReviewIndicator } from './review.ts';
import { checkListeningNote, checkThemes, orderDirectorates, reachedText, stepReached, THEMES } from './steps.ts';

const ratio = (year: number, numerator: [string, number, number], denominator: [string, number, number], value: number, ci95: [number, number] | null): HeadlineResult => ({
  available: true,
  figure: {
    year, kind: 'ratio', value, ci95, smallNumbers: false, parity: 1,
    counts: [{ group: numerator[0], events: numerator[1], population: numerator[2] }, { group: denominator[0], events: denominator[1], population: denominator[2] }],
  },
});
const share = (year: number, events: number, population: number): HeadlineResult => ({
  available: true, figure: { year, kind: 'representation', value: (events / population) * 100, ci95: null, smallNumbers: false, parity: null, counts: [{ group: 'ethnicMinority', events, population }] },
});
const withheld: HeadlineResult = { available: false, reason: 'fewer than 8 people in a cell for the HR directorate, so withheld to protect identities' };

test('the largest gap: 12 of 300 ethnic minority staff against 8 of 400 White staff is a relative likelihood of 2.00', () => {
  // (12/300) ÷ (8/400) = 0.04 ÷ 0.02 = 2.00; Katz SE = √(1/12 − 1/300 + 1/8 − 1/400) = √0.2025 = 0.45;
  // 2.00 × e^(±1.96 × 0.45) = 0.83 to 4.83 (given here as the report gives it).
  const indicators: ReviewIndicator[] = [
    { standard: 'WRES', definition: WRES_3, now: ratio(2025, ['ethnicMinority', 12, 300], ['white', 8, 400], 2, [0.83, 4.83]), before: null },
    { standard: 'WRES', definition: WRES_4, now: withheld, before: null },
    // Training: 150 of 200 against 300 of 400 is 1.00: nearer parity, so listed after.
    { standard: 'WDES', definition: WDES_3, now: ratio(2025, ['disabled', 9, 90], ['nonDisabled', 10, 200], 2.22, [0.94, 5.3]), before: null },
  ];
  const gaps = largestGaps(indicators);
  assert.equal(gaps.length, 3);
  assert.equal(gaps[0]!.source, 'WDES metric 3', '2.22 is further from 1 than 2.00');
  assert.equal(gaps[1]!.text,
    'Ethnic minority staff were 2.00 times as likely as White staff to enter a formal disciplinary investigation (relative likelihood 2.00, 95% interval 0.83 to 4.83): ' +
    '12 of 300 ethnic minority staff against 8 of 400 White staff. The interval includes 1, so chance alone could give a gap this size.');
  assert.equal(gaps[1]!.figure, '2.00 (95% interval 0.83 to 4.83)');
  assert.deepEqual(gaps[1]!.counts, [{ label: 'Ethnic minority staff', events: 12, population: 300 }, { label: 'White staff', events: 8, population: 400 }]);
  assert.match(gaps[0]!.text, /^Disabled staff were 2\.22 times as likely as non-disabled staff/);
  assert.match(gaps[2]!.text, /^No figure for WRES indicator 4 \(relative likelihood of .*\): fewer than 8 people in a cell/);
  assert.equal(gaps[2]!.figure, null);
});

test('a gap whose interval leaves out 1 says it is more than chance', () => {
  const [gap] = largestGaps([{ standard: 'WRES', definition: WRES_3, now: ratio(2025, ['ethnicMinority', 40, 200], ['white', 20, 400], 4, [2.4, 6.7]), before: null }]);
  assert.match(gap!.text, /The interval leaves out 1, so a gap this size is more than chance alone would usually give\.$/);
});

test('the pay bands: the largest fall is from Band 5 to Band 6', () => {
  // Band 4: 150 ethnic minority and 300 White (33.3%); Band 5: 300 and 600 (33.3%); Band 6: 100 and 400 (20.0%).
  // Band 4 to 5: (300/150) ÷ (600/300) = 1.00. Band 5 to 6: (100/300) ÷ (400/600) = 0.50,
  // SE = √(1/100 + 1/300 + 1/400 + 1/600) = √0.0175 = 0.1323, 0.50 × e^(±1.96 × 0.1323) = 0.39 to 0.65.
  // Band 4 to 6: (100/150) ÷ (400/300) = 0.50, SE = √(1/100 + 1/150 + 1/400 + 1/300) = √0.0225 = 0.15, 0.37 to 0.67.
  const bands = [{ band: 'Band 4', ethnicMinority: 150, white: 300 }, { band: 'Band 5', ethnicMinority: 300, white: 600 }, { band: 'Band 6', ethnicMinority: 100, white: 400 }];
  const [fall, whole] = bandReading(bands);
  assert.equal(fall!.text,
    'The largest fall is from Band 5 to Band 6: ethnic minority staff are 33.3% of Band 5 (300 of 900) and 20.0% of Band 6 (100 of 500), ' +
    'so White staff are 2.00 times as likely as ethnic minority staff to be in Band 6 rather than Band 5 (relative likelihood 0.50, 95% interval 0.39 to 0.65). ' +
    'The interval leaves out 1, so a fall this size is more than chance alone would usually give.');
  assert.equal(fall!.source, 'WRES indicator 1, Band 5 to Band 6');
  assert.deepEqual(fall!.counts.map((c) => [c.label, c.events, c.population]), [
    ['Ethnic minority staff in Band 5', 300, 900], ['White staff in Band 5', 600, 900], ['Ethnic minority staff in Band 6', 100, 500], ['White staff in Band 6', 400, 500],
  ]);
  assert.equal(whole!.figure, '0.50 (95% interval 0.37 to 0.67)');
  assert.match(whole!.text, /^From the lowest band shown to the highest, ethnic minority staff are 33\.3% of Band 4 and 20\.0% of Band 6: White staff are 2\.00 times as likely/);
  assert.match(bandReading(bands.slice(0, 1))[0]!.text, /^Fewer than two Agenda for Change bands/);
  assert.match(bandReading([bands[1]!, { band: 'Band 6', ethnicMinority: 200, white: 400 }])[0]!.text, /do not fall away/, '(200/300) ÷ (400/600) = 1.00');
});

test('change since last year: the worked examples of change-between-years', () => {
  // Ratio: 100 of 400 against 20 of 100 (1.25) then 117 of 389 against 2 of 10 (1.50): 1.203, interval 0.321 to 4.503.
  // Share: 48 of 80 (60.0%) then 56 of 70 (80.0%): +20.0 points, Newcombe's interval 0.0524 to 0.3339.
  const indicators: ReviewIndicator[] = [
    { standard: 'WRES', definition: WRES_1, now: share(2025, 56, 70), before: share(2024, 48, 80) },
    { standard: 'WRES', definition: WRES_3, now: ratio(2025, ['ethnicMinority', 117, 389], ['white', 2, 10], 1.504, null), before: ratio(2024, ['ethnicMinority', 100, 400], ['white', 20, 100], 1.25, null) },
    { standard: 'WRES', definition: WRES_4, now: withheld, before: ratio(2024, ['ethnicMinority', 10, 40], ['white', 10, 40], 1, null) },
  ];
  const [first, second, third] = changeSinceLastYear({ year: 2025, previousYear: 2024, indicators, bands: null });
  assert.equal(third, undefined, 'a figure withheld in either year is not compared');
  assert.equal(first!.text,
    'Ethnic minority staff were 60.0% of the directorate in 2024 (48 of 80) and 80.0% in 2025 (56 of 70): a change of +20.0 percentage points (95% interval +5.2 to +33.4). ' +
    'The interval leaves out 0, so a change this size is more than chance alone would usually give.');
  assert.equal(second!.source, 'WRES indicator 3');
  assert.match(second!.text, /the relative likelihood went from 1\.25 in 2024 to 1\.50 in 2025; this year's is 1\.20 times last year's \(95% interval 0\.32 to 4\.50\)\. The interval includes 1, so chance alone could give a change this size\.$/);
  assert.equal(second!.counts.length, 4);
  assert.match(changeSinceLastYear({ year: 2025, previousYear: null, indicators, bands: null })[0]!.text, /no report of 2024/);
  assert.match(changeSinceLastYear({ year: 2025, previousYear: 2024, indicators: [indicators[2]!], bands: null })[0]!.text, /^No figure of the directorate can be compared/);
  const review = generateReview({ year: 2025, previousYear: 2024, indicators, bands: null });
  assert.deepEqual([review.gaps.length > 0, review.bands.length, review.change.length], [true, 0, 2]);
});

test('steps, progress, order and checks', () => {
  assert.equal(reachedText([]), 'Step 1: Run the data');
  assert.equal(reachedText([1, 2]), 'Step 3: Understand the lived experience');
  assert.equal(reachedText([1, 3]), 'Step 2: Review the data', 'the first step not done');
  assert.equal(stepReached([1, 2, 3, 4, 5]), 'complete');
  assert.deepEqual(orderDirectorates(['Surgery', 'Corporate Services', 'HR and Organisational Development', 'Medicine']),
    ['HR and Organisational Development', 'Corporate Services', 'Medicine', 'Surgery']);
  assert.deepEqual(checkThemes([THEMES[0]!], 'Our own theme\n\n'), { ok: true, value: [THEMES[0], 'Our own theme'] });
  assert.equal(checkThemes(['Made up'], '').ok, false);
  const note = checkListeningNote({ title: 'Listening circle', 'heldOn-day': '3', 'heldOn-month': '2', 'heldOn-year': '2025', notes: 'Themes heard.' }, '2025-06-01');
  assert.deepEqual(note, { ok: true, value: { title: 'Listening circle', heldOn: '2025-02-03', notes: 'Themes heard.' } });
  const bad = checkListeningNote({ title: '', 'heldOn-day': '31', 'heldOn-month': '2', 'heldOn-year': '2025', notes: '' }, '2025-06-01');
  assert.deepEqual(bad.ok ? [] : bad.problems.map((p) => p.field), ['title', 'heldOn', 'notes']);
});
