/**
 * The synthetic trust's disability (WDES) files and columns, and its medical leadership and pay extras: all drawn
 * from a stream of their own, after the WRES files' streams, so that adding them moved no WRES figure.
 */
import { SURVEY } from './parameters.ts';
import { Weighted, mapValues, type Random } from './random.ts';
import { isoDate, type Period } from './dates.ts';
import { STAFF_COLUMNS, type Person } from './staff.ts';
import { APPLICATION_COLUMNS } from './applications.ts';

/**
 * Applicants' disability answers, drawn after the applications so no WRES figure moves. Disabled applicants are made
 * rarer among those appointed than among those not, which builds in a WDES metric 2 gap of about 1.3.
 */
const APPLICANT_DISABILITY = {
  appointed: { Yes: 6, No: 86, 'Prefer not to say': 5, '': 3 },
  notAppointed: { Yes: 8, No: 84, 'Prefer not to say': 5, '': 3 },
} as const;
const APPLICANT_DISABILITY_CHOICE = mapValues(APPLICANT_DISABILITY, (mix) => Weighted.of(mix));

export function* withApplicantDisability(random: Random, rows: Iterable<string[]>): Generator<string[]> {
  const appointedAt = APPLICATION_COLUMNS.indexOf('appointed');
  for (const row of rows) {
    const appointed = /^y/i.test(row[appointedAt] ?? '');
    row.push(APPLICANT_DISABILITY_CHOICE[appointed ? 'appointed' : 'notAppointed'].pick(random));
    yield row;
  }
}

/**
 * Medical leadership for the medical workforce report: about one consultant in twelve is a clinical director and
 * one is the medical director, with White consultants about twice as likely to hold the roles (drawn from the
 * disability stream, so no WRES figure moves).
 */
export function medicalLeadership(random: Random, staff: readonly Person[]): ReadonlyMap<string, string> {
  const consultants = staff.filter((p) => !p.bank && p.consultant);
  const medicalDirector = consultants.length > 0 ? random.int(0, consultants.length - 1) : -1;
  const roles = new Map<string, string>();
  consultants.forEach((person, i) => {
    if (i === medicalDirector) roles.set(person.staffId, 'Medical Director');
    else if (random.chance(person.group === 'white' ? 0.1 : 0.05)) roles.set(person.staffId, 'Clinical Director');
  });
  return roles;
}

/**
 * Pay-gap extras, from the disability stream so no WRES figure moves: consultants receive local clinical excellence
 * awards (more often men and White consultants, as the national reviews found), a few others a small recognition
 * payment; about 3% of staff are on reduced pay for leave at the snapshot (not full-pay relevant). One member of
 * staff's bonus_pay and full_pay, drawn in staff order after every medical leadership role.
 */
export function payExtras(random: Random, person: Person, row: readonly string[]): [string, string] {
  const consultant = row[GRADE_AT] === 'Consultant';
  const man = row[GENDER_AT] === 'Male';
  const awardChance = consultant ? (man ? 0.5 : 0.38) * (person.group === 'white' ? 1 : 0.8) : 0.03;
  const bonus = !person.bank && random.chance(awardChance) ? (consultant ? random.int(3, 20) * 1000 : random.int(1, 5) * 100) : 0;
  const fullPay = random.chance(0.97) ? 'Yes' : 'No';
  return [bonus > 0 ? String(bonus) : '', fullPay];
}

const GRADE_AT = STAFF_COLUMNS.indexOf('pay_band');
const GENDER_AT = STAFF_COLUMNS.indexOf('gender');

/** One board member Disabled, one not declared, the rest not Disabled. */
export function withBoardDisability(random: Random, rows: string[][]): string[][] {
  const [disabled, undeclared] = random.sample(rows.map((_, i) => i), 2);
  return rows.map((row, i) => [...row, i === disabled ? 'Yes' : i === undeclared ? 'Not declared' : 'No']);
}

export const CAPABILITY_COLUMNS = ['case_id', 'staff_id', 'start_date'] as const;
/** Entry into the formal capability process in the year: about twice as likely for Disabled staff. */
const CAPABILITY = { disabled: 0.012, other: 0.006 } as const;

export function* generateCapability(random: Random, staff: readonly Person[], period: Period): Generator<string[]> {
  let cases = 0;
  for (const person of staff) {
    if (person.bank) continue;
    if (!random.chance(person.disabled ? CAPABILITY.disabled : CAPABILITY.other)) continue;
    cases += 1;
    yield [`CP${String(cases).padStart(5, '0')}`, person.staffId, isoDate(random.int(period.start, period.end))];
  }
}

/** WDES staff survey rows: about a fifth of respondents say they are Disabled (far more than declare it to ESR). */
const WDES_SURVEY = {
  disabledShare: 0.2,
  positive: {
    '4a_patients': { disabled: 0.32, nonDisabled: 0.25 },
    '4a_managers': { disabled: 0.16, nonDisabled: 0.09 },
    '4a_colleagues': { disabled: 0.25, nonDisabled: 0.17 },
    '4b': { disabled: 0.45, nonDisabled: 0.47 },
    '5': { disabled: 0.5, nonDisabled: 0.58 },
    '6': { disabled: 0.3, nonDisabled: 0.2 },
    '7': { disabled: 0.35, nonDisabled: 0.45 },
    '8': { disabled: 0.72 },
  },
  engagement: { disabled: 6.6, nonDisabled: 7.0 },
} as const;

export function generateWdesSurvey(random: Random, staff: readonly Person[]): string[][] {
  const respondents = Math.round(staff.filter((p) => !p.bank).length * (SURVEY.responseRate + random.between(-0.04, 0.04)));
  const base = { disabled: Math.round(respondents * WDES_SURVEY.disabledShare), nonDisabled: respondents - Math.round(respondents * WDES_SURVEY.disabledShare) };
  const rows: string[][] = [];
  for (const [metric, shares] of Object.entries(WDES_SURVEY.positive)) {
    for (const [group, share] of Object.entries(shares) as ['disabled' | 'nonDisabled', number][]) {
      const answered = base[group] - random.int(0, Math.round(base[group] * 0.03));
      const positive = Math.round(answered * Math.max(0, Math.min(1, share + random.between(-0.02, 0.02))));
      rows.push([`WDES ${metric.replace('_', ' ')}`, group === 'disabled' ? 'disabled' : 'non_disabled', String(answered), String(positive), '']);
    }
  }
  const score = (group: 'disabled' | 'nonDisabled') => (WDES_SURVEY.engagement[group] + random.between(-0.2, 0.2)).toFixed(1);
  rows.push(['WDES 9a', 'disabled', String(base.disabled), '', score('disabled')]);
  rows.push(['WDES 9a', 'non_disabled', String(base.nonDisabled), '', score('nonDisabled')]);
  rows.push(['WDES 9a', 'overall', String(respondents), '', ((WDES_SURVEY.engagement.disabled * 0.2 + WDES_SURVEY.engagement.nonDisabled * 0.8)).toFixed(1)]);
  return rows;
}

export const NARRATIVE = [
  'yes',
  'The Disabled Staff Network meets monthly and its chair attends the People Committee. (Synthetic text: this organisation does not exist.)',
  '',
].join('\n');
