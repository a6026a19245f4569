/** The synthetic trust's staff survey rows for WRES indicators 5 to 8. */
import { SURVEY } from './parameters.ts';
import type { Random } from './random.ts';
import { scaledGap } from './ethnicity.ts';
import type { Person } from './staff.ts';

export const SURVEY_COLUMNS = ['indicator', 'ethnic_group', 'respondents', 'positive'] as const;

export function generateSurvey(random: Random, staff: readonly Person[], gapScale = 1): string[][] {
  const headcount = { white: 0, ethnicMinority: 0 };
  for (const p of staff) if (!p.bank && p.group !== 'unknown') headcount[p.group] += 1;
  const base = {
    white: Math.round(headcount.white * (SURVEY.responseRate + random.between(-0.04, 0.04))),
    ethnicMinority: Math.round(headcount.ethnicMinority * (SURVEY.responseRate + random.between(-0.04, 0.04))),
  };
  const rows: string[][] = [];
  for (const [indicator, shares] of Object.entries(SURVEY.positive)) {
    for (const group of ['white', 'ethnicMinority'] as const) {
      // Not everyone answers every question.
      const respondents = base[group] - random.int(0, Math.round(base[group] * 0.03));
      const expected = group === 'white' ? shares.white : scaledGap(shares.white, shares.ethnicMinority, gapScale);
      const share = Math.max(0, Math.min(1, expected + random.between(-0.02, 0.02)));
      const positive = Math.round(respondents * share);
      rows.push([indicator, group === 'white' ? 'white' : 'ethnic_minority', String(respondents), String(positive)]);
    }
  }
  return rows;
}
