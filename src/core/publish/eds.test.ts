import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EDS_OUTCOME_IDS, type EdsOutcomeId, type EdsRating } from '../eds/outcomes.ts';
import { THRESHOLD_SETS } from '../eds/scoring.ts';
import { publicEds } from './eds.ts';

const all = (rating: (id: EdsOutcomeId) => EdsRating) => Object.fromEntries(EDS_OUTCOME_IDS.map((id) => [id, rating(id)])) as Record<EdsOutcomeId, EdsRating>;

describe('the EDS 2022 summary as published', () => {
  test('nothing to publish until an outcome has an agreed rating', () => {
    assert.equal(publicEds({}, THRESHOLD_SETS.guidance), null);
  });

  test('32 (10 threes, one two) is Achieving by the guidance and Excelling by Leeds; domain totals add up to it', () => {
    const agreed = all((id) => (id === '3C' ? 2 : 3));
    const guidance = publicEds(agreed, THRESHOLD_SETS.guidance)!;
    const leeds = publicEds(agreed, THRESHOLD_SETS.leeds)!;
    assert.deepEqual([guidance.score, guidance.rating, guidance.ratingLabel, guidance.thresholds.id], [32, 2, 'Achieving', 'guidance']);
    assert.deepEqual([leeds.score, leeds.rating, leeds.ratingLabel, leeds.thresholds.id], [32, 3, 'Excelling', 'leeds']);
    assert.deepEqual(guidance.domains.map((d) => d.score), [12, 12, 8]);
    assert.equal(guidance.domains.reduce((s, d) => s + d.score, 0), guidance.score);
    assert.deepEqual(guidance.domains[2]!.outcomes.map((o) => [o.id, o.rating, o.ratingLabel]), [['3A', 3, 'Excelling'], ['3B', 3, 'Excelling'], ['3C', 2, 'Achieving']]);
  });

  test('with outcomes still to rate the score so far is given, with no overall rating, and an unrated outcome says so', () => {
    const eds = publicEds({ '1A': 1, '2B': 0 }, THRESHOLD_SETS.guidance)!;
    assert.deepEqual([eds.score, eds.rated, eds.outcomes, eds.rating, eds.ratingLabel], [1, 2, 11, null, null]);
    assert.deepEqual(eds.domains[1]!.outcomes.map((o) => o.rating), [null, 0, null, null]);
    assert.equal(eds.domains[1]!.outcomes[1]!.ratingLabel, 'Undeveloped');
  });
});
