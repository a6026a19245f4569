/** The synthetic trust's mandatory and non-mandatory training. */
import { MANDATORY_COURSES, NON_MANDATORY_COURSES, TRAINING } from './parameters.ts';
import { COURSES_PER_PERSON, type Random } from './random.ts';
import { isoDate, type Period } from './dates.ts';
import { scaledGap } from './ethnicity.ts';
import type { Person } from './staff.ts';

export const TRAINING_COLUMNS = ['staff_id', 'ethnic_category', 'course', 'mandatory', 'start_date'] as const;
const ALL_COURSES: readonly string[] = [...MANDATORY_COURSES, ...NON_MANDATORY_COURSES];

/** Each person's courses in turn, as rows. */
export function* generateTraining(random: Random, staff: readonly Person[], period: Period, gapScale = 1): Generator<string[]> {
  const chance = { ...TRAINING, ethnicMinority: scaledGap(TRAINING.white, TRAINING.ethnicMinority, gapScale) };
  for (const person of staff) {
    const from = Math.max(period.start, person.startDay);
    const sessions: { course: string; mandatory: boolean; day: number }[] = [];
    for (const course of random.sample(MANDATORY_COURSES, person.bank ? random.int(1, 2) : random.int(2, 4))) {
      sessions.push({ course, mandatory: true, day: random.int(from, period.end) });
    }
    if (!person.bank && random.chance(chance[person.group])) {
      for (const course of random.sample(NON_MANDATORY_COURSES, Number(COURSES_PER_PERSON.pick(random)))) {
        sessions.push({ course, mandatory: false, day: random.int(from, period.end) });
      }
    }
    // A few rows outside the year: last year's courses, or bookings in April after the snapshot.
    if (random.chance(TRAINING.outOfYear) && person.startDay < period.start - 30) {
      const course = random.pick(ALL_COURSES);
      const when = random.chance(0.8)
        ? random.int(Math.max(person.startDay, period.start - 365), period.start - 1)
        : random.int(period.end + 1, period.end + 30);
      sessions.push({ course, mandatory: (MANDATORY_COURSES as readonly string[]).includes(course), day: when });
    }
    sessions.sort((a, b) => a.day - b.day);
    for (const s of sessions) {
      yield [
        person.staffId,
        random.chance(TRAINING.blankEthnicity) ? '' : person.ethnicity,
        s.course,
        s.mandatory ? 'Yes' : 'No',
        isoDate(s.day),
      ];
    }
  }
}
