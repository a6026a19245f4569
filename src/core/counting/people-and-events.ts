/**
 * Counting people and events for any standard: headcount by category in each indicator 1 row, appointments among
 * shortlisted applicants, and people with at least one event in the year, each kept per fine category and per
 * breakdown value. Rules (documented in docs/methodology.md): bank-only staff are left out everywhere; rows dated
 * outside the reporting year are left out; a person counts once however many events they have.
 *
 * Each count is a counter that takes one record at a time (add) and gives its counts at the end (result), so a
 * folder's files can be counted as they are read, without keeping their records; countWorkforce and
 * countAppointments, and the standards' counters (stream-count.ts' countDataset), feed the same counters from arrays
 * of records (a stored import, a scope). Both ways are this one code.
 */
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { Problem } from '../problem.ts';
import type { ApplicationRecord, RowRef, StaffRecord } from '../records.ts';
import { BAND_ROWS, MEDICAL_SUB_GROUPS, MEDICAL_SUB_GROUP_LABELS, payBandLabel } from '../workforce/pay-band.ts';
import { StringNumbers } from '../util/string-numbers.ts';
import { isClinical, type Cluster } from '../workforce/staff-group.ts';
import { withinPeriod, type ReportingPeriod } from '../wres/reporting-period.ts';
import {
  applicationDimensions, bump, LEAVER_DIMENSIONS, PairNumbers, staffDimensions, Tally, type Cells, type DimensionValues, type Lens, type RatioCounts,
} from './tally.ts';

export {
  disabilityLabel, ethnicityLabel, genderLabel, NOT_IN_STAFF_FILE, NOT_RECORDED, RATIO_DIMENSIONS,
  type Lens, type RatioCounts, type RatioDimension,
} from './tally.ts';

/** A row saying a person had an event (a disciplinary case, a course, a capability case) on a date. */
export interface PersonEvent {
  readonly staffId: string;
  readonly startDate: string;
  readonly source: RowRef;
}

export interface RepresentationRow {
  readonly cluster: Cluster;
  readonly row: string;
  readonly headcounts: Headcounts;
}

export interface WorkforceCounts {
  readonly overall: Headcounts;
  readonly rows: readonly RepresentationRow[];
  readonly bankOnlyExcluded: number;
}

function clusterOf(person: StaffRecord): Cluster {
  if (person.payBand.kind === 'medical') return 'medical';
  return isClinical(person.staffGroup) ? 'clinical' : 'nonClinical';
}

/** Rows of indicator 1 in the national template's order, every row present even when empty. */
export const REPRESENTATION_LAYOUT: readonly { cluster: Cluster; row: string }[] = [
  ...BAND_ROWS.map((row) => ({ cluster: 'nonClinical' as const, row })),
  ...BAND_ROWS.map((row) => ({ cluster: 'clinical' as const, row })),
  ...MEDICAL_SUB_GROUPS.map((g) => ({ cluster: 'medical' as const, row: MEDICAL_SUB_GROUP_LABELS[g] })),
];

/** Indicator 1's headcounts, one staff record at a time. */
export class WorkforceCounter {
  readonly #overall: Record<string, number> = {};
  /** Each cluster's rows by their label, looked up without making a key for each person. */
  readonly #rows: Record<Cluster, Map<string, Record<string, number>>> = { nonClinical: new Map(), clinical: new Map(), medical: new Map() };
  #bankOnlyExcluded = 0;

  constructor(private readonly lens: Pick<Lens, 'staff'>) {
    for (const { cluster, row } of REPRESENTATION_LAYOUT) this.#rows[cluster].set(row, {});
  }

  add(person: StaffRecord): void {
    if (person.bankOnly) {
      this.#bankOnlyExcluded += 1;
      return;
    }
    const category = this.lens.staff(person);
    this.#overall[category] = (this.#overall[category] ?? 0) + 1;
    const row = this.#rows[clusterOf(person)].get(payBandLabel(person.payBand));
    if (row) row[category] = (row[category] ?? 0) + 1;
  }

  result(): WorkforceCounts {
    return {
      overall: this.#overall,
      rows: REPRESENTATION_LAYOUT.map((r) => ({ ...r, headcounts: this.#rows[r.cluster].get(r.row) ?? {} })),
      bankOnlyExcluded: this.#bankOnlyExcluded,
    };
  }
}

export function countWorkforce(staff: readonly StaffRecord[], lens: Pick<Lens, 'staff'>): WorkforceCounts {
  const counter = new WorkforceCounter(lens);
  for (const person of staff) counter.add(person);
  return counter.result();
}

/** Appointments among the shortlisted, one application at a time. */
export class AppointmentCounter {
  readonly #tally: Tally;
  /** The cells of each (category, dimension values) met so far, by the pair's number. */
  readonly #cells: Cells[] = [];
  readonly #pairs = new PairNumbers();

  constructor(
    private readonly period: ReportingPeriod,
    private readonly lens: Pick<Lens, 'application' | 'ownDimension'>,
  ) {
    this.#tally = new Tally(lens.ownDimension);
  }

  add(application: ApplicationRecord): void {
    if (application.date !== null && !withinPeriod(application.date, this.period)) {
      this.#tally.exclude('dated outside the reporting year');
      return;
    }
    if (!application.shortlisted) return;
    const category = this.lens.application(application);
    const dimensions = applicationDimensions(application);
    const number = this.#pairs.numberOf(category, dimensions);
    if (number === this.#cells.length) this.#cells.push(this.#tally.cells(category, dimensions));
    const cells = this.#cells[number] as Cells;
    bump(cells, 'population');
    if (application.appointed) bump(cells, 'events');
  }

  result(): RatioCounts {
    return this.#tally.result();
  }
}

export function countAppointments(applications: readonly ApplicationRecord[], period: ReportingPeriod, lens: Pick<Lens, 'application' | 'ownDimension'>): RatioCounts {
  const counter = new AppointmentCounter(period, lens);
  for (const application of applications) counter.add(application);
  return counter.result();
}

/** A staff member's place in StaffProfiles: bank-only, or the index of their profile. */
const BANK_ONLY = -1;

/**
 * What counting people with events needs of the staff file, kept small: each person by a number of their own (their
 * staff_id's, in an open-addressing table: a Map of a national file's ids was a fifth of reading it), with the
 * index of their profile (their category and breakdown values, shared by everyone alike) or bank-only; and how many
 * non-bank people have each profile, in the order the profiles first appear.
 */
export class StaffProfiles {
  readonly #ids = new StringNumbers();
  /** By person number: the index of their profile, or BANK_ONLY. */
  readonly #profileOf: number[] = [];
  /** Each profile's index is its (category, dimension values) pair's number. */
  readonly #pairs = new PairNumbers();
  readonly categories: string[] = [];
  readonly dimensions: DimensionValues[] = [];
  readonly people: number[] = [];

  constructor(private readonly lens: Pick<Lens, 'staff'>) {}

  add(person: StaffRecord): void {
    const number = this.#ids.add(person.staffId);
    if (person.bankOnly) {
      this.#profileOf[number] = BANK_ONLY;
      return;
    }
    const category = this.lens.staff(person);
    const dimensions = staffDimensions(person);
    const index = this.#pairs.numberOf(category, dimensions);
    if (index === this.categories.length) {
      this.categories.push(category);
      this.dimensions.push(dimensions);
      this.people.push(0);
    }
    this.people[index] = (this.people[index] ?? 0) + 1;
    this.#profileOf[number] = index;
  }

  /**
   * The table numbering each person's staff_id, which the staff file's reader may number them in first
   * (StreamCount.staffIds): a record's id is then found there rather than added.
   */
  get ids(): StringNumbers {
    return this.#ids;
  }

  /** How many people (staff_ids) the staff file has: person numbers run from 0 to one less. */
  get size(): number {
    return this.#ids.size;
  }

  /** The person number of a staff_id, or -1 when it is not in the staff file. */
  person(staffId: string): number {
    return this.#ids.numberOf(staffId);
  }

  /** A person's profile index, or BANK_ONLY. */
  profileOf(person: number): number {
    return this.#profileOf[person] as number;
  }
}

/** Categories of one count, by a small number, so a person already counted is kept as one number (row and category). */
const CATEGORY_SLOTS = 1024;

/**
 * People with at least one qualifying event in the year, against the non-bank headcount, one event row at a time.
 * The person's category is the event row's where given, otherwise their staff record's; rows of one person that
 * disagree are an error.
 */
export class PeopleWithEventsCounter<E extends PersonEvent> {
  readonly #tally: Tally;
  /**
   * Row × CATEGORY_SLOTS + category number, of the row each person was counted on: by person number for people in
   * the staff file (-1 until counted), by staff_id for the others.
   */
  readonly #counted: Float64Array;
  readonly #countedLeavers = new Map<string, number>();
  readonly #categories: string[] = [];
  readonly #categoryNumber = new Map<string, number>();
  /** The cells of each (profile or leaver, category), by profile × CATEGORY_SLOTS + category number (leavers: -1 − category). */
  readonly #cells = new Map<number, Cells>();
  readonly #problems: Problem[] = [];
  #disagreements = 0;
  #leavers = 0;
  /**
   * The staff_id of the last row counted, with its profile and what #counted holds for it: a person's rows often
   * follow one another (a learning system lists each person's courses together), and are then not looked up again.
   */
  #lastId: string | null = null;
  #lastPerson = -1;
  #lastProfile: number | undefined;
  #lastCounted: number | undefined;

  constructor(
    private readonly lens: Pick<Lens, 'column' | 'noun' | 'ownDimension'> & { eventRow(event: NoInfer<E>): string | null },
    private readonly profiles: StaffProfiles,
    private readonly period: ReportingPeriod,
    private readonly describe: string,
  ) {
    this.#tally = new Tally(lens.ownDimension);
    this.#counted = new Float64Array(profiles.size).fill(-1);
    profiles.categories.forEach((category, index) => {
      bump(this.#tally.cells(category, profiles.dimensions[index] ?? []), 'population', profiles.people[index]);
    });
  }

  add(event: E): void {
    if (!withinPeriod(event.startDate, this.period)) {
      this.#tally.exclude('dated outside the reporting year');
      return;
    }
    const { staffId } = event;
    if (staffId !== this.#lastId) {
      const person = this.profiles.person(staffId);
      this.#lastId = staffId;
      this.#lastPerson = person;
      if (person === -1) {
        this.#lastProfile = undefined;
        this.#lastCounted = this.#countedLeavers.get(staffId);
      } else {
        const counted = this.#counted[person] as number;
        this.#lastProfile = this.profiles.profileOf(person);
        this.#lastCounted = counted < 0 ? undefined : counted;
      }
    }
    const profile = this.#lastProfile;
    if (profile === BANK_ONLY) {
      this.#tally.exclude('bank-only staff');
      return;
    }
    const own = this.lens.eventRow(event);
    const staffCategory = profile === undefined ? null : (this.profiles.categories[profile] ?? null);
    const category = own ?? staffCategory;
    if (category === null) {
      this.#problems.push({
        file: event.source.file, row: event.source.row, column: 'staff_id', value: event.staffId,
        message: `this staff_id is not in staff.csv and the row gives no ${this.lens.column}, so the person cannot be counted`,
        expected: `a staff_id from staff.csv, or a ${this.lens.column} on this row`,
      });
      return;
    }
    if (staffCategory !== null && own !== null && staffCategory !== own) this.#disagreements += 1;
    const number = this.#number(category);
    const earlier = this.#lastCounted;
    if (earlier !== undefined) {
      const earlierCategory = this.#categories[earlier % CATEGORY_SLOTS] ?? '';
      if (earlierCategory !== category) {
        this.#problems.push({
          file: event.source.file, row: event.source.row, column: this.lens.column, value: category,
          message: `this person's ${this.lens.noun} differs from their earlier row ${Math.floor(earlier / CATEGORY_SLOTS)} (${earlierCategory})`,
          expected: `the same ${this.lens.noun} on every row for one person`,
        });
      }
      this.#tally.exclude('further rows for a person already counted');
      return;
    }
    this.#lastCounted = event.source.row * CATEGORY_SLOTS + number;
    if (this.#lastPerson === -1) this.#countedLeavers.set(staffId, this.#lastCounted);
    else this.#counted[this.#lastPerson] = this.#lastCounted;
    if (profile === undefined) this.#leavers += 1;
    const key = profile === undefined ? -1 - number : profile * CATEGORY_SLOTS + number;
    let cells = this.#cells.get(key);
    if (!cells) {
      cells = this.#tally.cells(category, profile === undefined ? LEAVER_DIMENSIONS : (this.profiles.dimensions[profile] ?? []));
      this.#cells.set(key, cells);
    }
    bump(cells, 'events');
  }

  #number(category: string): number {
    let number = this.#categoryNumber.get(category);
    if (number === undefined) {
      number = this.#categories.length;
      if (number >= CATEGORY_SLOTS) throw new RangeError(`more than ${CATEGORY_SLOTS} categories of ${this.lens.noun}`);
      this.#categories.push(category);
      this.#categoryNumber.set(category, number);
    }
    return number;
  }

  /** Rows left out for a reason of the caller's (e.g. mandatory training), counted with the others. */
  get excluded(): Record<string, number> {
    return this.#tally.excluded;
  }

  /** The counts; adds this count's problems and notes to the caller's. */
  result(problems: Problem[], notes: string[]): RatioCounts {
    problems.push(...this.#problems);
    const { noun } = this.lens;
    if (this.#leavers > 0) notes.push(`${this.#leavers} people with ${this.describe} are not in staff.csv (for example leavers); they are counted using the ${noun} on their row.`);
    if (this.#disagreements > 0) notes.push(`${this.#disagreements} ${this.describe} rows give a ${noun} different from staff.csv; the row's own value was used.`);
    return this.#tally.result();
  }
}
