/** The synthetic trust's entries into the formal disciplinary process. */
import { DISCIPLINARY } from './parameters.ts';
import type { Random } from './random.ts';
import { day, isoDate, type Period } from './dates.ts';
import { scaledGap } from './ethnicity.ts';
import type { Person } from './staff.ts';

export const DISCIPLINARY_COLUMNS = ['case_id', 'staff_id', 'start_date'] as const;

export function generateDisciplinary(random: Random, staff: readonly Person[], period: Period, gapScale = 1): string[][] {
  const chance = { ...DISCIPLINARY, ethnicMinority: scaledGap(DISCIPLINARY.white, DISCIPLINARY.ethnicMinority, gapScale) };
  const cases: { staffId: string; day: number }[] = [];
  const inPost = staff.filter((p) => !p.bank);
  const firstDay = (p: Person) => Math.max(period.start, p.startDay);
  const involved: Person[] = [];
  for (const person of inPost) {
    if (!random.chance(chance[person.group])) continue;
    involved.push(person);
    cases.push({ staffId: person.staffId, day: random.int(firstDay(person), period.end) });
  }
  // A few people enter a second investigation in the same year (each counts once in indicator 3).
  const secondCases = Math.min(involved.length, Math.max(2, Math.round(involved.length * DISCIPLINARY.secondCase)));
  for (const person of random.sample(involved, secondCases)) {
    cases.push({ staffId: person.staffId, day: random.int(firstDay(person), period.end) });
  }
  // Cases opened in the previous reporting year, still in the case system's extract: the engine must leave them out.
  const previousStart = day(period.year - 2, 4, 1);
  const previousEnd = period.start - 1;
  const longServing = inPost.filter((p) => p.startDay <= previousEnd);
  const extra = Math.max(2, Math.round(cases.length * DISCIPLINARY.previousYearRows));
  for (let i = 0; i < extra && longServing.length > 0; i++) {
    const person = random.pick(longServing);
    cases.push({ staffId: person.staffId, day: random.int(Math.max(previousStart, person.startDay), previousEnd) });
  }
  cases.sort((a, b) => a.day - b.day || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0));
  return cases.map((c, i) => [`DC${String(i + 1).padStart(5, '0')}`, c.staffId, isoDate(c.day)]);
}
