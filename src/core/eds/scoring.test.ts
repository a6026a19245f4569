/**
 * Hand-worked: agreed ratings for the 11 outcomes, added up by hand, then read against both threshold sets.
 * Guidance: <8 Undeveloped, 8–21 Developing, 22–32 Achieving, 33 Excelling. Leeds: the same but Achieving 22–30 and
 * Excelling 31–33. The two differ only at 31 and 32.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EDS_OUTCOME_IDS, type EdsOutcomeId, type EdsRating, edsOutcome, parseRating, ratingText } from './outcomes.ts';
import { daysToPublication, nextPublication, overallRatingOf, overallScore, publicationDate, THRESHOLD_SETS, thresholdSet } from './scoring.ts';

/** Ratings in the order 1A 1B 1C 1D 2A 2B 2C 2D 3A 3B 3C. */
function ratings(...values: EdsRating[]): Partial<Record<EdsOutcomeId, EdsRating>> {
  return Object.fromEntries(values.map((v, i) => [EDS_OUTCOME_IDS[i], v]));
}

const guidance = THRESHOLD_SETS.guidance;
const leeds = THRESHOLD_SETS.leeds;

// [ratings, hand-worked total, guidance rating, Leeds rating]
const CASES: readonly [EdsRating[], number, EdsRating, EdsRating][] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0, 0],
  // 7 ones and 4 noughts = 7: the top of Undeveloped.
  [[1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0], 7, 0, 0],
  // 8 ones = 8: the bottom of Developing.
  [[1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], 8, 1, 1],
  // 10 twos and a one = 21: the top of Developing.
  [[2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1], 21, 1, 1],
  // 11 twos = 22: the bottom of Achieving (Leeds' "progressed from Developing to Achieving" with 22).
  [[2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 22, 2, 2],
  // 8 threes and 3 twos = 24 + 6 = 30: the top of Leeds' Achieving.
  [[3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2], 30, 2, 2],
  // 9 threes and 2 twos = 27 + 4 = 31: Achieving by the guidance, Excelling by Leeds.
  [[3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2], 31, 2, 3],
  // 10 threes and a two = 32: the top of the guidance's Achieving; Excelling by Leeds.
  [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2], 32, 2, 3],
  // All threes = 33: Excelling by both.
  [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 33, 3, 3],
  // Mixed: 0+1+2+3 + 3+2+1+0 + 2+2+2 = 6 + 6 + 6 = 18: Developing.
  [[0, 1, 2, 3, 3, 2, 1, 0, 2, 2, 2], 18, 1, 1],
];

for (const [values, total, byGuidance, byLeeds] of CASES) {
  test(`${values.join(' ')} adds up to ${total}: ${ratingText(byGuidance)} by the guidance, ${ratingText(byLeeds)} by Leeds`, () => {
    const g = overallScore(ratings(...values), guidance);
    const l = overallScore(ratings(...values), leeds);
    assert.equal(g.score, total);
    assert.equal(l.score, total);
    assert.equal(g.rated, 11);
    assert.equal(g.rating, byGuidance);
    assert.equal(l.rating, byLeeds);
  });
}

test('domain scores add up by hand and to the total', () => {
  // 1A–1D: 0+1+2+3 = 6; 2A–2D: 3+2+1+0 = 6; 3A–3C: 2+2+2 = 6.
  const s = overallScore(ratings(0, 1, 2, 3, 3, 2, 1, 0, 2, 2, 2), guidance);
  assert.deepEqual(s.domains.map((d) => [d.domain, d.score, d.rated, d.outcomes]), [['1', 6, 4, 4], ['2', 6, 4, 4], ['3', 6, 3, 3]]);
});

test('no overall rating until all 11 outcomes have an agreed rating; the score so far is kept', () => {
  const partial = ratings(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
  const s = overallScore(partial, guidance);
  assert.equal(s.score, 30);
  assert.equal(s.rated, 10);
  assert.equal(s.rating, null);
  assert.deepEqual(s.domains.map((d) => d.rated), [4, 4, 2]);
  assert.equal(overallScore({}, leeds).rating, null);
});

test('every score from 0 to 33 has one rating under each set, never falling as the score rises', () => {
  for (const set of [guidance, leeds]) {
    let previous = 0;
    for (let score = 0; score <= 33; score += 1) {
      const r = overallRatingOf(score, set);
      assert.ok(r >= previous, `${set.id} ${score}`);
      previous = r;
    }
  }
  assert.throws(() => overallRatingOf(34, guidance), RangeError);
  assert.throws(() => overallRatingOf(-1, guidance), RangeError);
  assert.throws(() => overallRatingOf(2.5, guidance), RangeError);
});

test('the default threshold set is the guidance\'s; an unknown choice falls back to it', () => {
  assert.equal(thresholdSet(null).id, 'guidance');
  assert.equal(thresholdSet('nonsense').id, 'guidance');
  assert.equal(thresholdSet('leeds').id, 'leeds');
});

test('ratings are read from forms as 0 to 3 only, and written as trusts publish them', () => {
  assert.deepEqual(['0', '3', ' 2 ', '4', '-1', '', '1.5', 'x'].map(parseRating), [0, 3, 2, null, null, null, null, null]);
  assert.equal(ratingText(2), '2/Achieving');
  assert.equal(edsOutcome('2d')?.wording, 'Staff recommend the organisation as a place to work and receive treatment');
  assert.equal(EDS_OUTCOME_IDS.length, 11);
});

test('the publication reminder: 28 February of the reporting year, and days to it', () => {
  assert.equal(publicationDate(2025), '2025-02-28');
  assert.equal(daysToPublication(2025, '2025-02-01'), 27);
  assert.equal(daysToPublication(2025, '2025-02-28T15:00:00Z'), 0);
  assert.equal(daysToPublication(2025, '2025-03-01'), -1);
  assert.equal(daysToPublication(2026, '2025-12-05'), 85);
});

test('the next publication date: this year’s 28 February until it has passed, then next year’s', () => {
  assert.deepEqual(nextPublication('2026-12-05'), { year: 2027, date: '2027-02-28' });
  assert.deepEqual(nextPublication('2027-02-28'), { year: 2027, date: '2027-02-28' });
  assert.deepEqual(nextPublication('2027-03-01'), { year: 2028, date: '2028-02-28' });
  assert.deepEqual(nextPublication('2027-01-10T09:00:00Z'), { year: 2027, date: '2027-02-28' });
});
