/** The synthetic trust's applications: vacancies and their applicants, shortlisted and appointed. */
import { APPOINTED_WHITE, GROUPS, ROWS, SHORTLISTED, UNKNOWN } from './parameters.ts';
import type { Random } from './random.ts';
import { isoDate, ukDate, type Period } from './dates.ts';
import { scaledGap, writeEthnicity } from './ethnicity.ts';
import { drawPost } from './staff.ts';

export const APPLICATION_COLUMNS = [
  'application_id', 'vacancy_id', 'ethnic_category', 'shortlisted', 'appointed', 'pay_band', 'staff_group', 'internal',
  'international_recruit', 'date',
] as const;

/** Each application in turn; nothing is kept, so any number can be drawn. */
export function* generateApplications(random: Random, count: number, period: Period, trend: number, gapScale = 1): Generator<string[]> {
  let written = 0;
  let vacancy = 0;
  while (written < count) {
    vacancy += 1;
    const vacancyId = `V${String(vacancy).padStart(5, '0')}`;
    const post = drawPost(random);
    const settings = GROUPS[post.staffGroup];
    const row = ROWS[post.row];
    const gap = scaledGap(1, row.gap * settings.gapFactor, gapScale);
    const emShare = Math.min(0.95, row.applicants * trend);
    const closing = random.int(period.start, period.end);
    const applicants = Math.min(count - written, random.int(settings.applicants[0], settings.applicants[1]));
    const internationalPost = post.staffGroup === 'Medical and Dental' || (post.staffGroup === 'Nursing and Midwifery Registered' && post.row === 'Band 5');

    for (let i = 0; i < applicants; i++) {
      const ethnicity = writeEthnicity(random, emShare, UNKNOWN.applicants);
      const shortlisted = random.chance(SHORTLISTED[ethnicity.group]);
      const appointRate =
        ethnicity.group === 'white' ? APPOINTED_WHITE : APPOINTED_WHITE / (ethnicity.group === 'ethnicMinority' ? gap : Math.sqrt(gap));
      const appointed = shortlisted && random.chance(appointRate);
      const internal = random.chance(row.internal);
      const international =
        !internal &&
        random.chance(ethnicity.group === 'ethnicMinority' ? (internationalPost ? 0.5 : 0.03) : internationalPost ? 0.04 : 0.005);
      const [yes, no] = random.chance(0.75) ? ['Yes', 'No'] : ['Y', 'N'];
      const applied = Math.max(period.start, closing - random.int(0, 27));
      written += 1;
      yield [
        `A${String(written).padStart(7, '0')}`,
        vacancyId,
        ethnicity.written,
        shortlisted ? yes : no,
        appointed ? yes : no,
        post.payBand,
        post.staffGroup,
        internal ? yes : no,
        international ? yes : no,
        random.chance(0.7) ? isoDate(applied) : ukDate(applied),
      ];
    }
  }
}
