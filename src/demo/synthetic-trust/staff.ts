/** The synthetic trust's staff: posts, ethnicity, start dates and pay, one row per person. */
import type { MedicalSubGroup } from '../../core/workforce/pay-band.ts';
import { EM_PAY_PROGRESS, GROUPS, INTERNATIONAL, MEDICAL_GRADES, OCCUPATION_PREFIX, ROWS, UNKNOWN, type Group, type Row } from './parameters.ts';
import { BAND_CHOICE, DIRECTORATE_CHOICE, DISABILITY_CHOICE, GROUP_CHOICE, MEDICAL_CHOICE, type Random } from './random.ts';
import { augustRotation, isoDate, type Period } from './dates.ts';
import { writeEthnicity, type WresGroup } from './ethnicity.ts';

export const STAFF_COLUMNS = [
  'staff_id', 'ethnic_category', 'pay_band', 'staff_group', 'assignment_category', 'directorate', 'occupation_code',
  'gender', 'disability', 'fte', 'hourly_pay', 'start_date', 'international_recruit',
] as const;

/** What the other files need to know of a member of staff, kept small so a national-size trust fits in memory. */
export interface Person {
  readonly staffId: string;
  readonly ethnicity: string;
  readonly group: WresGroup;
  readonly bank: boolean;
  /** First day in post. */
  readonly startDay: number;
  /** A consultant (pay_band "Consultant"). */
  readonly consultant: boolean;
  /** disability is "Yes". */
  readonly disabled: boolean;
}

/** A member of staff and their row of staff.csv (STAFF_COLUMNS). */
export interface DrawnPerson {
  readonly person: Person;
  readonly csv: readonly string[];
}

interface Post {
  readonly staffGroup: Group;
  /** As written in pay_band. */
  readonly payBand: string;
  readonly row: Row;
}

export function drawPost(random: Random): Post {
  const staffGroup = GROUP_CHOICE.pick(random);
  if (staffGroup === 'Medical and Dental') {
    const grade = MEDICAL_CHOICE.pick(random);
    return { staffGroup, payBand: grade, row: (MEDICAL_GRADES[grade] as { row: MedicalSubGroup }).row };
  }
  const band = BAND_CHOICE[staffGroup].pick(random);
  return { staffGroup, payBand: band, row: band };
}

function isMedicalRow(row: Row): row is MedicalSubGroup {
  return row === 'consultant' || row === 'careerGrade' || row === 'trainee' || row === 'otherMedical';
}

const BANK_ELIGIBLE: ReadonlySet<Row> = new Set<Row>(['Band 2', 'Band 3', 'Band 4', 'Band 5', 'Band 6', 'otherMedical']);

function emShareInPost(post: Post, trend: number): number {
  const factor = isMedicalRow(post.row) ? 1 : GROUPS[post.staffGroup].emFactor;
  return Math.min(0.95, ROWS[post.row].inPost * factor * trend);
}

/** The staff's people only, drawn as `drawStaff` draws them. */
export function generateStaff(random: Random, count: number, period: Period, trend: number): Person[] {
  const people: Person[] = [];
  for (const { person } of drawStaff(random, count, period, trend)) people.push(person);
  return people;
}

/** Each member of staff in turn, with their row; nothing is kept, so any number can be drawn. */
export function* drawStaff(random: Random, count: number, period: Period, trend: number): Generator<DrawnPerson> {
  let idNumber = 0;
  for (let i = 0; i < count; i++) {
    idNumber += random.int(1, 3); // gaps, as leavers leave in a real extract
    const staffId = `S${String(idNumber).padStart(6, '0')}`;
    const post = drawPost(random);
    const settings = GROUPS[post.staffGroup];
    const ethnicity = writeEthnicity(random, emShareInPost(post, trend), UNKNOWN.staff);
    const bank = BANK_ELIGIBLE.has(post.row) && random.chance(settings.bank);
    const trainee = post.row === 'trainee';
    const assignment = bank
      ? 'Bank'
      : random.chance(trainee ? 0.85 : post.row === 'otherMedical' ? 0.5 : 0.05)
        ? 'Fixed Term Temp'
        : 'Permanent';

    const international = ethnicity.group !== 'unknown' && random.chance(INTERNATIONAL[post.staffGroup]?.[ethnicity.group] ?? 0);
    const startDay = drawStartDay(random, post, period, { bank, international, fixedTerm: assignment === 'Fixed Term Temp' });
    const serviceYears = (period.end - startDay) / 365.25;
    const pay = hourlyPay(random, post, serviceYears, ethnicity.group === 'ethnicMinority');

    const female = random.chance(settings.female);
    const fte = bank || random.chance(0.65) ? 1 : random.int(4, 9) / 10;
    // Drawn in the order of the columns, as they always have been, so the same seed gives the same files.
    const directorate = DIRECTORATE_CHOICE[post.staffGroup].pick(random);
    const occupation = `${OCCUPATION_PREFIX[post.staffGroup]}${random.int(0, 9)}${random.pick(['A', 'B', 'C', 'D', 'E'])}`;
    const disability = DISABILITY_CHOICE.pick(random);
    yield {
      person: {
        staffId, ethnicity: ethnicity.written, group: ethnicity.group, bank, startDay,
        consultant: post.payBand === 'Consultant', disabled: disability === 'Yes',
      },
      csv: [
        staffId,
        ethnicity.written,
        post.payBand,
        post.staffGroup,
        assignment,
        directorate,
        occupation,
        female ? 'Female' : 'Male',
        disability,
        fte.toFixed(2),
        pay.toFixed(2),
        isoDate(startDay),
        international ? 'Yes' : 'No',
      ],
    };
  }
}

function drawStartDay(
  random: Random,
  post: Post,
  period: Period,
  how: { bank: boolean; international: boolean; fixedTerm: boolean },
): number {
  if (post.payBand === 'Foundation Year 1') return augustRotation(period.year - 1);
  if (post.payBand === 'Foundation Year 2') return augustRotation(period.year - 2);
  if (post.row === 'trainee') return augustRotation(period.year - 1 - random.int(0, post.payBand === 'Core Trainee' ? 2 : 4));
  let years: number;
  if (how.international) years = random.between(0, 6);
  else if (how.bank) years = random.exponential(3);
  else if (how.fixedTerm) years = random.between(0, 2);
  else years = random.exponential(ROWS[post.row].service);
  return period.end - Math.max(1, Math.floor(Math.min(years, 40) * 365.25));
}

function hourlyPay(random: Random, post: Post, serviceYears: number, ethnicMinority: boolean): number {
  const grade = MEDICAL_GRADES[post.payBand];
  const [bottom, top, yearsToTop] = grade ? [grade.pay[0], grade.pay[1], post.row === 'trainee' ? 3 : 8] : (ROWS[post.row].pay ?? [0, 0, 1]);
  let progress = Math.min(1, serviceYears / yearsToTop) + random.between(-0.08, 0.08);
  if (ethnicMinority) progress *= EM_PAY_PROGRESS;
  return bottom + (top - bottom) * Math.max(0, Math.min(1, progress));
}
