import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { close, people, person } from '../../../test/support/pay-people.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { genderCategory } from './definitions.ts';
import { gapPct, meanGapInterval, median, summarisePay } from './pay-statistics.ts';
import { withholdForSums } from './protect-sums.ts';
import { payQuartiles } from './quartiles.ts';
import { payGapReport, type PayGapOptions } from './report.ts';
import { studentTQuantile, studentTUpperTail } from './student-t.ts';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const ANALYST: PayGapOptions = { forSharing: false };

describe("Student's t quantile", () => {
  test('agrees with published values (SciPy t.ppf(0.975, df)) to 1e-9', () => {
    const expected: [number, number][] = [
      [1, 12.706204736174694], [2, 4.302652729749462], [3, 3.1824463052837078], [8, 2.306004135204166],
      [18, 2.1009220402410382], [30, 2.0422724563012378], [100, 1.9839715185235518], [2.5, 3.5746548420036817],
      [7.3, 2.345066736547703],
    ];
    for (const [df, t] of expected) close(studentTQuantile(0.975, df), t, 1e-9, `df ${df}`);
    close(studentTUpperTail(2, 5), 0.050969739414929174, 1e-12);
    close(studentTUpperTail(-1, 2.5), 1 - 0.20203051363913682, 1e-12);
    // Tends to the normal quantile.
    close(studentTQuantile(0.975, 1e6), 1.959966356814107, 1e-8);
  });
});

describe('pay statistics', () => {
  test('medians of odd and even counts', () => {
    assert.equal(median([10, 12, 15]), 12);
    assert.equal(median([10, 12, 15, 20]), 13.5);
    assert.equal(median([7]), 7);
    assert.equal(median([]), null);
  });

  test('gap % = (reference − group) ÷ reference × 100, null when the reference is zero', () => {
    close(gapPct(20, 17.54), 12.3);
    close(gapPct(20, 22), -10);
    assert.equal(gapPct(0, 5), null);
  });

  test('mean gap interval: the worked example, with 18 degrees of freedom', () => {
    const group = summarisePay([10, 10, 11, 11, 12, 12, 13, 13, 14, 14])!;
    const reference = summarisePay([20, 20, 22, 22, 24, 24, 26, 26, 28, 28])!;
    const interval = meanGapInterval(group, reference);
    close(interval.df, 18, 1e-9);
    // ln 0.5 ± t(0.975, 18) × 1/18, back to the gap: (1 − 0.5·e^±0.1167179) × 100.
    close(interval.ci95?.[0], 43.80988248250737, 1e-9);
    close(interval.ci95?.[1], 55.50819057778761, 1e-9);
  });

  test('no interval with one person, with no variation, or with a zero mean', () => {
    const one = summarisePay([12])!;
    const several = summarisePay([10, 11, 12])!;
    assert.deepEqual(meanGapInterval(one, several), { ci95: null, df: null, note: 'tooFewPeople' });
    assert.deepEqual(meanGapInterval(summarisePay([15, 15])!, summarisePay([15, 15, 15])!), { ci95: null, df: null, note: 'noVariation' });
    assert.deepEqual(meanGapInterval(summarisePay([0, 0])!, several), { ci95: null, df: null, note: 'zeroMean' });
    // Only one group varies: Welch's degrees of freedom are that group's n − 1.
    close(meanGapInterval(summarisePay([15, 15, 15])!, several).df, 2, 1e-12);
  });
});

describe('quartiles', () => {
  test('sizes as equal as possible, extra people in the upper quartiles', () => {
    const sizes = (n: number) => payQuartiles({ x: range(1, n) }).sizes;
    assert.deepEqual(sizes(0), [0, 0, 0, 0]);
    assert.deepEqual(sizes(4), [1, 1, 1, 1]);
    assert.deepEqual(sizes(5), [1, 1, 1, 2]);
    assert.deepEqual(sizes(6), [1, 2, 1, 2]);
    assert.deepEqual(sizes(7), [1, 2, 2, 2]);
    assert.deepEqual(sizes(10), [2, 3, 2, 3]);
  });

  test('ties at a boundary are shared so each group keeps its share at that rate (worked by hand)', () => {
    // Ranked: 10 F, 10 F, 10 M | 12 F, 12 M, 12 M | 14 F | 16 M; boundaries after 2, 4 and 6 people.
    // The three on 10 cover positions 0–2: 2/3 of them in the lower quartile, 1/3 in the lower middle.
    // The three on 12 cover 3–5: 1/3 in the lower middle, 2/3 in the upper middle.
    const { sizes, byCategory } = payQuartiles({ F: [12, 10, 14, 10], M: [16, 12, 10, 12] });
    assert.deepEqual(sizes, [2, 2, 2, 2]);
    const expected = { F: [4 / 3, 2 / 3 + 1 / 3, 2 / 3, 1], M: [2 / 3, 1 / 3 + 2 / 3, 4 / 3, 1] };
    for (const c of ['F', 'M'] as const) {
      for (const [q, v] of expected[c].entries()) close(byCategory[c]?.[q], v, 1e-12, `${c} q${q}`);
    }
  });

  test('a rate spanning several boundaries, and everyone on one rate', () => {
    const spanning = payQuartiles({ F: [10, 20], M: [5, 10] });
    assert.deepEqual(spanning.byCategory, { F: [0, 0.5, 0.5, 1], M: [1, 0.5, 0.5, 0] });
    const equal = payQuartiles({ F: Array(6).fill(10), M: Array(2).fill(10) });
    assert.deepEqual(equal.byCategory, { F: [1.5, 1.5, 1.5, 1.5], M: [0.5, 0.5, 0.5, 0.5] });
  });
});

describe('secondary suppression', () => {
  test('one withheld cell in a sum takes the smallest other cell holding anyone with it', () => {
    const cells = new Map([
      ['black', { size: 99, withheld: false }],
      ['M', { size: 40, withheld: false }],
      ['N', { size: 55, withheld: false }],
      ['P', { size: 4, withheld: true }],
    ]);
    assert.deepEqual([...withholdForSums(cells, [['black', 'M', 'N', 'P']])].sort(), ['M', 'P']);
    const empty = new Map([['a', { size: 3, withheld: true }], ['b', { size: 0, withheld: false }]]);
    assert.deepEqual([...withholdForSums(empty, [['a', 'b']])], ['a'], 'a cell of nobody protects nothing');
  });
});

describe('gender categories', () => {
  test('Male/M/Man and Female/F/Woman in any case; others counted apart', () => {
    for (const raw of ['Male', 'male', ' M ', 'MAN', 'man']) assert.equal(genderCategory(raw), 'male', raw);
    for (const raw of ['Female', 'f', 'WOMAN', 'Woman']) assert.equal(genderCategory(raw), 'female', raw);
    for (const raw of ['Prefer not to say', 'Not stated', 'unknown']) assert.equal(genderCategory(raw), 'notStated', raw);
    for (const raw of ['Non-binary', 'Intersex', 'Men', 'X']) assert.equal(genderCategory(raw), 'other', raw);
    assert.equal(genderCategory(null), 'missing');
    assert.equal(genderCategory('  '), 'missing');
  });
});

describe('pay gap report', () => {
  const men = people(range(10, 10), { gender: 'Male' }); // 10 … 19: mean 14.5, median 14.5
  const women = people([8, 9, 9, 10, 11, 12, 12, 13, 14, 20], { gender: 'F' }); // mean 11.8, median 11.5

  test('gender: hand-worked mean and median gaps, with the sentence', () => {
    const report = payGapReport([...men, ...women], ANALYST);
    const g = report.gender;
    close(g.meanGapPct, ((14.5 - 11.8) / 14.5) * 100); // 18.6207
    close(g.medianGapPct, ((14.5 - 11.5) / 14.5) * 100); // 20.6897
    assert.deepEqual(g.hourlyPay.reference, { people: 10, mean: 14.5, median: 14.5 });
    close(g.hourlyPay.group.mean, 11.8);
    assert.equal(g.hourlyPay.group.median, 11.5);
    assert.equal(g.groups['women']?.meanGapPct, g.meanGapPct);
    assert.match(g.statement, /^Women's median hourly pay was 20\.7% lower than men's\. Women's mean hourly pay was 18\.6% lower than men's\./);
    assert.ok(g.meanGapCi95 && g.meanGapCi95[0] < g.meanGapPct! && g.meanGapPct! < g.meanGapCi95[1]);
    assert.equal(g.smallNumbers, true, 'fewer than 30 people in each group');
    assert.match(g.statement, /small numbers/);
  });

  test('an odd count: the median is the middle person', () => {
    const report = payGapReport([...men, ...women, person({ gender: 'Woman', hourly: 30 })], ANALYST);
    assert.equal(report.gender.hourlyPay.group.median, 12); // 8 9 9 10 11 [12] 12 13 14 20 30
    close(report.gender.medianGapPct, ((14.5 - 12) / 14.5) * 100);
  });

  test('other genders, not stated and blank are counted and reported, but not in the binary gap', () => {
    const others = [
      ...people(range(30, 3), { gender: 'Non-binary' }),
      ...people(range(40, 2), { gender: 'Prefer not to say' }),
      person({ gender: null, hourly: 50 }),
    ];
    const report = payGapReport([...men, ...women, ...others], ANALYST);
    close(report.gender.meanGapPct, ((14.5 - 11.8) / 14.5) * 100);
    assert.deepEqual(report.gender.counts.map((r) => [r.key, r.people.relevant]), [
      ['men', 10], ['women', 10], ['otherGender', 3], ['notStated', 2], ['missing', 1],
    ]);
    assert.equal(report.gender.statedRate.stated, 23);
    assert.equal(report.gender.statedRate.total, 26);
    // Everyone with an hourly rate is ranked for the quartiles, whatever their gender.
    assert.deepEqual(report.gender.quartiles.sizes, [6, 7, 6, 7]);
  });

  test('full-pay relevant employees only in hourly figures; everyone relevant for bonuses', () => {
    const onLeave = person({ gender: 'F', hourly: 1, fullPay: false, bonus: 500 });
    const noRate = person({ gender: 'F', hourly: null });
    const report = payGapReport([...men, ...women, onLeave, noRate], ANALYST);
    close(report.gender.hourlyPay.group.mean, 11.8);
    assert.deepEqual(report.gender.groups['women']?.people, { relevant: 12, fullPayRelevant: 11, withHourlyPay: 10, bonusRecipients: 1 });
    assert.equal(report.population.notFullPayRelevant, 1);
    assert.equal(report.population.fullPayRelevantWithoutHourlyPay, 1);
    const share = report.gender.bonus.received.group;
    assert.deepEqual([share.received, share.relevant], [1, 12]);
    close(share.pct, 100 / 12);
    close(share.ci95?.[0], wilsonInterval(1, 12)![0] * 100);
    close(share.ci95?.[1], wilsonInterval(1, 12)![1] * 100);
  });

  test('for sharing, a group\'s counts never give back 1 to 7 people on leave, or without an hourly rate; the analyst sees them', () => {
    const staffOf = [
      ...range(0, 20).map(() => person({ gender: 'M', hourly: 20 })),
      ...range(0, 20).map(() => person({ gender: 'F', hourly: 18, bonus: 100 })),
      person({ gender: 'F', hourly: 1, fullPay: false }), // one on reduced pay because of leave
      person({ gender: 'M', hourly: 20, bank: true }), person({ gender: 'M', hourly: 20, bank: true }), // two bank-only
    ];
    const shared = payGapReport(staffOf);
    // The population's counts are published as they are (no characteristic): 1 on leave, 2 bank-only.
    assert.deepEqual([shared.population.notFullPayRelevant, shared.population.bankOnly], [1, 2]);
    // But the groups' own counts do not say which group the one on leave is in: no group's relevant less its
    // full-pay relevant (or full-pay relevant less those with an hourly rate) is 1 to 7.
    const small = (n: number) => n > 0 && n < 8;
    for (const c of [shared.gender, shared.ethnicity, shared.disability]) {
      const rows = [...c.counts, ...Object.values(c.groups)];
      for (const { people: p } of rows) {
        if (p.relevant !== null && p.fullPayRelevant !== null) assert.ok(!small(p.relevant - p.fullPayRelevant), `${c.id}: ${p.relevant} − ${p.fullPayRelevant}`);
        if (p.fullPayRelevant !== null && p.withHourlyPay !== null) assert.ok(!small(p.fullPayRelevant - p.withHourlyPay), `${c.id}: ${p.fullPayRelevant} − ${p.withHourlyPay}`);
      }
    }
    const analysts = payGapReport(staffOf, ANALYST);
    assert.deepEqual(analysts.gender.groups['women']?.people, { relevant: 21, fullPayRelevant: 20, withHourlyPay: 20, bonusRecipients: 20 });
  });

  test('bonus gaps among people paid a bonus, and the share of each group paid one', () => {
    const withBonus = [
      ...range(0, 10).map((i) => person({ gender: 'M', hourly: 20, bonus: 1000 + 100 * i })), // mean 1450, median 1450
      ...range(0, 10).map((i) => person({ gender: 'M', hourly: 20, bonus: i < 5 ? 0 : null })), // no bonus
      ...range(0, 10).map((i) => person({ gender: 'F', hourly: 20, bonus: 800 + 100 * i })), // mean 1250, median 1250
    ];
    const report = payGapReport(withBonus, ANALYST);
    const b = report.gender.bonus;
    assert.equal(b.available, true);
    close(b.meanGapPct, ((1450 - 1250) / 1450) * 100);
    close(b.medianGapPct, ((1450 - 1250) / 1450) * 100);
    assert.equal(b.received.reference.pct, 50);
    assert.equal(b.received.group.pct, 100);
    assert.match(b.statement, /^100\.0% of women and 50\.0% of men were paid a bonus/);
    assert.match(b.statement, /Women's median bonus pay was 13\.8% lower than men's\./);
  });

  test('no bonus data, and bonus data with no bonuses paid', () => {
    const none = payGapReport([...men, ...women], ANALYST);
    assert.equal(none.gender.bonus.available, false);
    assert.equal(none.gender.bonus.reason, 'noBonusData');
    assert.equal(none.gender.groups['women']?.people.bonusRecipients, null);
    const zero = payGapReport([...men, ...women].map((p) => ({ ...p, bonusPay: 0 })), ANALYST);
    assert.equal(zero.gender.bonus.available, true);
    assert.equal(zero.gender.bonus.meanGapPct, null);
    assert.equal(zero.gender.bonus.reason, 'noPeople');
    assert.equal(zero.gender.bonus.received.group.pct, 0);
    assert.match(zero.gender.bonus.statement, /^0\.0% of women and 0\.0% of men were paid a bonus/);
  });

  test('everyone on equal pay: no gap, no interval, and the same share of every quartile', () => {
    const equal = [...people(Array(12).fill(15), { gender: 'M' }), ...people(Array(12).fill(15), { gender: 'F' })];
    const g = payGapReport(equal, ANALYST).gender;
    assert.equal(g.meanGapPct, 0);
    assert.equal(g.medianGapPct, 0);
    assert.equal(g.meanGapCi95, null);
    assert.match(g.meanGapCiNote ?? '', /does not vary/);
    assert.match(g.statement, /^Women's median hourly pay was the same as men's\./);
    assert.deepEqual(g.quartiles.groups.find((r) => r.key === 'women')?.pct, [50, 50, 50, 50]);
  });

  test('zero and tiny groups: null with a reason, never a figure for fewer than the minimum', () => {
    const report = payGapReport([...men, ...women, ...people([20, 21, 22], { gender: 'M', disability: 'yes' })], ANALYST);
    const d = report.disability;
    assert.equal(d.meanGapPct, null);
    assert.equal(d.medianGapPct, null);
    assert.equal(d.reason, 'tooFewPeople');
    assert.deepEqual(d.hourlyPay.group, { people: 3, mean: null, median: null });
    assert.match(d.statement, /fewer than 10 Disabled staff with an hourly rate of pay/);
    assert.equal(d.quartiles.groups.find((r) => r.key === 'disabled')?.pct.every((p) => p === null), true);

    const noDisabled = payGapReport([...men, ...women], ANALYST).disability;
    assert.equal(noDisabled.reason, 'noPeople');
    assert.equal(noDisabled.statement, 'No hourly pay gap is shown: there were no Disabled staff with an hourly rate of pay.');
    const noMen = payGapReport(women, ANALYST).gender;
    assert.equal(noMen.reason, 'referenceNoPeople');
    assert.equal(payGapReport([], ANALYST).gender.quartiles.statement, 'No quartiles: no full-pay relevant employees have an hourly rate of pay.');

    const smallerMinimum = payGapReport([...men, ...women, ...people([20, 21, 22], { disability: 'yes' })], { ...ANALYST, policy: { minimumGroupSize: 3 } });
    close(smallerMinimum.disability.hourlyPay.group.mean, 21);
  });

  test('disability: unknown kept apart from no; the declaration rate', () => {
    const staffList = [
      ...people(range(10, 12), { disability: 'no' }),
      ...people(range(8, 10), { disability: 'yes' }),
      ...people([9, 9], { disability: 'notDeclared' }),
      ...people([30], { disability: 'missing' }),
    ];
    const d = payGapReport(staffList, ANALYST).disability;
    assert.equal(d.reference.label, 'Non-disabled');
    close(d.meanGapPct, ((15.5 - 12.5) / 15.5) * 100);
    assert.deepEqual(d.counts.map((r) => [r.key, r.people.relevant]), [['disabled', 10], ['nonDisabled', 12], ['notDeclared', 2], ['missing', 1]]);
    assert.deepEqual([d.statedRate.name, d.statedRate.stated, d.statedRate.total], ['declaration rate', 22, 25]);
    close(d.statedRate.pct, 88);
    assert.match(d.statement, /^The median hourly pay of Disabled staff was .* lower than that of non-disabled staff\./);
  });

  describe('ethnicity', () => {
    // White British 20 people on 20; White Irish 10 on 30; Indian 12 on 15; Chinese 10 on 10; Black African 4 on 12;
    // 5 not stated (Z), 2 not known (99), 1 blank.
    const staffList = [
      ...people(Array(20).fill(20), { ethnic: 'A' }),
      ...people(Array(10).fill(30), { ethnic: 'B' }),
      ...people(Array(12).fill(15), { ethnic: 'H' }),
      ...people(Array(10).fill(10), { ethnic: 'R' }),
      ...people(Array(4).fill(12), { ethnic: 'N' }),
      ...people(Array(5).fill(25), { ethnic: 'Z' }),
      ...people(Array(2).fill(25), { ethnic: '99' }),
      ...people([25], { ethnic: '' }),
    ];

    test('White reference (default): White British and White Irish are the reference group', () => {
      const e = payGapReport(staffList, ANALYST).ethnicity;
      assert.equal(e.reference.key, 'white');
      assert.deepEqual(e.reference.categories, ['A', 'B', 'C']);
      const white = (20 * 20 + 10 * 30) / 30;
      const minority = (12 * 15 + 10 * 10 + 4 * 12) / 26;
      close(e.groups['ethnicMinority']?.meanGapPct, ((white - minority) / white) * 100);
      close(e.groups['ethnicMinority']?.medianGapPct, ((20 - 12) / 20) * 100);
      assert.equal(e.groups['ethnicMinority']?.label, 'Ethnic minority (excluding White minorities)');
      close(e.groups['asian']?.meanGapPct, ((white - 15) / white) * 100);
      close(e.groups['H']?.meanGapPct, ((white - 15) / white) * 100);
      assert.equal(e.groups['B'], undefined, 'White Irish is not compared with White');
      // Unknown ethnicity is left out of the gaps but counted; the disclosure rate is stated ÷ everyone.
      assert.deepEqual(e.counts.map((r) => [r.key, r.people.relevant]), [['white', 30], ['ethnicMinority', 26], ['Z', 5], ['99', 2], ['missing', 1]]);
      close(e.statedRate.pct, (56 / 64) * 100);
      assert.equal(e.statedRate.name, 'disclosure rate');
    });

    test('White British reference: White minorities join the ethnic minority group, with their own aggregated group', () => {
      // Without the 4 Black African staff, so that no group is withheld.
      const withoutBlack = staffList.filter((p) => p.ethnicity.code !== 'N');
      const e = payGapReport(withoutBlack, { ...ANALYST, ethnicityReference: 'whiteBritish' }).ethnicity;
      assert.equal(e.reference.key, 'whiteBritish');
      assert.deepEqual(e.reference.categories, ['A']);
      const minority = (10 * 30 + 12 * 15 + 10 * 10) / 32;
      close(e.meanGapPct, ((20 - minority) / 20) * 100);
      assert.equal(e.groups['ethnicMinority']?.label, 'Ethnic minority (including White minorities)');
      assert.match(e.statement, /ethnic minority staff, including White minorities, was .* than that of White British staff/);
      close(e.groups['whiteOther']?.meanGapPct, -50);
      close(e.groups['B']?.meanGapPct, -50);
      assert.deepEqual(Object.keys(e.groups).slice(0, 7), ['ethnicMinority', 'asian', 'black', 'mixed', 'whiteOther', 'other', 'B']);
    });

    test('a group too small is withheld but stays in its aggregate; a second group is withheld to protect it', () => {
      const e = payGapReport(staffList, ANALYST).ethnicity;
      // Black African (4 people) is too small; Black as a whole is the same 4 people, so withheld too.
      assert.equal(e.groups['N']?.reason, 'tooFewPeople');
      assert.equal(e.groups['black']?.reason, 'tooFewPeople');
      // Ethnic minority = Asian + Black + Mixed + Other: with Black withheld, the smallest other (Other, 10) goes too.
      assert.equal(e.groups['other']?.reason, 'protectsAnotherGroup');
      assert.equal(e.groups['other']?.meanGapPct, null);
      // ... and Other = Chinese + Any other: Chinese would give Other away, so it is withheld as well.
      assert.equal(e.groups['R']?.reason, 'protectsAnotherGroup');
      assert.equal(e.groups['asian']?.reason, null);
      // The aggregate and the headline still include everyone.
      assert.equal(e.groups['ethnicMinority']?.hourlyPay.group.people, 26);
    });

    test('for sharing, counts of 1 to 7 are withheld, and counts that would reveal them', () => {
      const e = payGapReport(staffList, { forSharing: true }).ethnicity;
      assert.equal(e.groups['N']?.people.relevant, null);
      assert.equal(e.groups['N']?.hourlyPay.group.people, null);
      // Black = N exactly, so it is withheld in its own right (4).
      assert.equal(e.groups['black']?.people.relevant, null);
      // With Black withheld, ethnic minority = Asian + Black + Mixed + Other needs a second: Other (10), then Chinese.
      assert.equal(e.groups['other']?.people.relevant, null);
      assert.equal(e.groups['R']?.people.relevant, null);
      assert.equal(e.groups['asian']?.people.relevant, 12);
      // Not stated (5), not known (2) and blank (1) are each withheld; the organisation-level groups and the
      // disclosure rate are headline figures and stay (the methodology says what this leaves to be worked out).
      assert.deepEqual(e.counts.map((r) => r.people.relevant), [30, 26, null, null, null]);
      assert.equal(e.statedRate.stated, 56);
      // The analyst's view shows every count.
      assert.equal(payGapReport(staffList, ANALYST).ethnicity.groups['N']?.people.relevant, 4);
    });
  });

  test('quartile shares are of the compared pair; a group too small withholds both', () => {
    const staffList = [...men, ...women, ...people([11, 16], { gender: 'Non-binary' }), ...people([13, 13, 14], { gender: 'F', disability: 'yes' })];
    const report = payGapReport(staffList, ANALYST);
    const [menRow, womenRow] = report.gender.quartiles.groups;
    assert.deepEqual([menRow?.key, womenRow?.key], ['men', 'women']);
    for (let q = 0; q < 4; q++) close((menRow?.pct[q] ?? 0) + (womenRow?.pct[q] ?? 0), 100, 1e-9, `quartile ${q}`);
    assert.deepEqual(report.gender.quartiles.sizes, [6, 6, 6, 7], 'the two non-binary people are ranked too');
    const disability = report.disability.quartiles.groups;
    assert.ok(disability.every((g) => g.pct.every((p) => p === null) && g.people.every((n) => n === null)));
    assert.match(disability[0]?.reason ?? '', /fewer than 10 Disabled staff/);
  });

  test('for sharing, quartile counts of 1 to 7 are withheld with their shares, and one more to protect the total', () => {
    // 4 men on £5 and 8 on £50; 36 women on £10 … £45. Quartiles of 12: men 4, 0, 0, 8; women 8, 12, 12, 4.
    const staffList = [
      ...people([5, 5, 5, 5, 50, 50, 50, 50, 50, 50, 50, 50], { gender: 'M' }),
      ...people(range(10, 36), { gender: 'F' }),
    ];
    const analyst = payGapReport(staffList, ANALYST).gender.quartiles.groups;
    assert.deepEqual(analyst.map((g) => g.people), [[4, 0, 0, 8], [8, 12, 12, 4]]);
    close(analyst[1]?.pct[0], (8 / 12) * 100);
    const shared = payGapReport(staffList, { forSharing: true }).gender.quartiles.groups;
    // Men's 4 and women's 4 are withheld; then each group's 8, which would give them away from the group's total.
    assert.deepEqual(shared.map((g) => g.people), [[null, 0, 0, null], [null, 12, 12, null]]);
    assert.deepEqual(shared[1]?.pct, [null, 100, 100, null]);
    assert.match(payGapReport(staffList, { forSharing: true }).gender.quartiles.statement, /^The quartile shares of women are not shown/);
  });

  test('bank-only staff are included unless left out', () => {
    const staffList = [...men, ...women, ...people(range(50, 10), { gender: 'F', bank: true })];
    assert.equal(payGapReport(staffList, ANALYST).gender.hourlyPay.group.people, 20);
    assert.equal(payGapReport(staffList, { ...ANALYST, includeBankOnly: false }).gender.hourlyPay.group.people, 10);
  });
});

// ------------------------------------------------------------------------------------------------------------
// An independent computation on random data: a plain implementation written here, from the definitions, must
// agree with the engine to 1e-9.
