/**
 * Counting people and events for any standard: headcount by category in each indicator 1 row, appointments among
 * shortlisted applicants, and people with at least one event in the year, each kept per fine category and per
 * breakdown value. Rules (documented in docs/methodology.md): bank-only staff are left out everywhere; rows dated
 * outside the reporting year are left out; a person counts once however many events they have.
 */
import type { CategoryCounts } from '../indicators/characteristic.ts';
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { Problem } from '../problem.ts';
import type { ApplicationRecord, RowRef, StaffRecord } from '../records.ts';
import type { EventCount } from '../stats/relative-likelihood.ts';
import { BAND_ROWS, MEDICAL_SUB_GROUPS, MEDICAL_SUB_GROUP_LABELS, payBandLabel } from '../workforce/pay-band.ts';
import { isClinical, type Cluster } from '../workforce/staff-group.ts';
import { withinPeriod, type ReportingPeriod } from '../wres/reporting-period.ts';

/**
 * Which characteristic a count is about. WRES reads ethnicity, WDES disability; the counting rules are the same, so
 * the counting is written once and told where each record keeps the characteristic.
 */
export interface Lens {
  /** The column that holds it on event rows, for messages: "ethnic_category", "disability". */
  readonly column: string;
  /** What it is called in sentences: "ethnic category", "disability". */
  readonly noun: string;
  /** The breakdown that is this characteristic itself, which a breakdown of it cannot use. */
  readonly ownDimension: RatioDimension;
  staff(person: StaffRecord): string;
  application(application: ApplicationRecord): string;
}

/** A row saying a person had an event (a disciplinary case, a course, a capability case) on a date. */
export interface PersonEvent {
  readonly staffId: string;
  readonly startDate: string;
  readonly source: RowRef;
}

export const NOT_RECORDED = 'Not recorded';
export const NOT_IN_STAFF_FILE = 'Not in staff file';

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

export const RATIO_DIMENSIONS = ['staffGroup', 'payBand', 'directorate', 'internationalRecruit', 'gender', 'disability', 'ethnicity'] as const;
export type RatioDimension = (typeof RATIO_DIMENSIONS)[number];

export interface RatioCounts {
  readonly overall: CategoryCounts;
  /** Counts within each value of a dimension; a dimension the source cannot give is absent. */
  readonly byDimension: Readonly<Partial<Record<RatioDimension, Readonly<Record<string, CategoryCounts>>>>>;
  /** Rows or people left out, by reason, for the method notes. */
  readonly excluded: Readonly<Record<string, number>>;
}

/** A growing tally of events and population per category, per dimension value. */
class Tally {
  constructor(private readonly skip: RatioDimension) {}

  readonly #overall = new Map<string, { events: number; population: number }>();
  readonly #byDimension = new Map<RatioDimension, Map<string, Map<string, { events: number; population: number }>>>();
  readonly excluded: Record<string, number> = {};

  add(category: string, kind: 'events' | 'population', dimensions: Partial<Record<RatioDimension, string>>): void {
    bump(this.#overall, category, kind);
    for (const [dimension, value] of Object.entries(dimensions) as [RatioDimension, string][]) {
      if (dimension === this.skip) continue;
      let byValue = this.#byDimension.get(dimension);
      if (!byValue) {
        byValue = new Map();
        this.#byDimension.set(dimension, byValue);
      }
      let counts = byValue.get(value);
      if (!counts) {
        counts = new Map();
        byValue.set(value, counts);
      }
      bump(counts, category, kind);
    }
  }

  exclude(reason: string): void {
    this.excluded[reason] = (this.excluded[reason] ?? 0) + 1;
  }

  result(): RatioCounts {
    const byDimension: Partial<Record<RatioDimension, Record<string, CategoryCounts>>> = {};
    for (const [dimension, byValue] of this.#byDimension) {
      byDimension[dimension] = Object.fromEntries([...byValue].map(([value, counts]) => [value, freeze(counts)]));
    }
    return { overall: freeze(this.#overall), byDimension, excluded: { ...this.excluded } };
  }
}

function bump(map: Map<string, { events: number; population: number }>, category: string, kind: 'events' | 'population'): void {
  let count = map.get(category);
  if (!count) {
    count = { events: 0, population: 0 };
    map.set(category, count);
  }
  count[kind] += 1;
}

function freeze(map: Map<string, EventCount>): CategoryCounts {
  return Object.fromEntries([...map].map(([k, v]) => [k, { events: v.events, population: v.population }]));
}

function yesNoLabel(value: boolean | null): string {
  if (value === null) return NOT_RECORDED;
  return value ? 'Internationally recruited' : 'Not internationally recruited';
}

/** Gender as intersections show it: women, men, or everyone else together (too few to show apart). */
export function genderLabel(raw: string | null): string {
  const key = (raw ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return NOT_RECORDED;
  if (['female', 'f', 'woman', 'women'].includes(key)) return 'Women';
  if (['male', 'm', 'man', 'men'].includes(key)) return 'Men';
  return 'Another gender or not stated';
}

/** Disability as intersections show it. */
export function disabilityLabel(status: string): string {
  return status === 'yes' ? 'Disabled' : status === 'no' ? 'Non-disabled' : 'Disability not declared';
}

/** The WRES group as intersections show it. */
export function ethnicityLabel(code: string): string {
  if (code === 'A' || code === 'B' || code === 'C') return 'White';
  if (code === 'Z' || code === '99' || code === 'missing') return 'Ethnicity not known';
  return 'Ethnic minority';
}

function staffDimensions(person: StaffRecord): Partial<Record<RatioDimension, string>> {
  return {
    staffGroup: person.staffGroup,
    payBand: payBandLabel(person.payBand),
    directorate: person.directorate ?? NOT_RECORDED,
    internationalRecruit: yesNoLabel(person.internationalRecruit),
    gender: genderLabel(person.gender),
    disability: disabilityLabel(person.disability),
    ethnicity: ethnicityLabel(person.ethnicity.code),
  };
}

const LEAVER_DIMENSIONS: Partial<Record<RatioDimension, string>> = Object.fromEntries(RATIO_DIMENSIONS.map((d) => [d, NOT_IN_STAFF_FILE]));

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

export function countWorkforce(staff: readonly StaffRecord[], lens: Pick<Lens, 'staff'>): WorkforceCounts {
  const overall: Record<string, number> = {};
  const rows = new Map(REPRESENTATION_LAYOUT.map((r) => [`${r.cluster}|${r.row}`, {} as Record<string, number>]));
  let bankOnlyExcluded = 0;
  for (const person of staff) {
    if (person.bankOnly) {
      bankOnlyExcluded += 1;
      continue;
    }
    const category = lens.staff(person);
    overall[category] = (overall[category] ?? 0) + 1;
    const row = rows.get(`${clusterOf(person)}|${payBandLabel(person.payBand)}`);
    if (row) row[category] = (row[category] ?? 0) + 1;
  }
  return {
    overall,
    rows: REPRESENTATION_LAYOUT.map((r) => ({ ...r, headcounts: rows.get(`${r.cluster}|${r.row}`) ?? {} })),
    bankOnlyExcluded,
  };
}

export function countAppointments(applications: readonly ApplicationRecord[], period: ReportingPeriod, lens: Pick<Lens, 'application' | 'ownDimension'>): RatioCounts {
  const tally = new Tally(lens.ownDimension);
  for (const application of applications) {
    if (application.date !== null && !withinPeriod(application.date, period)) {
      tally.exclude('dated outside the reporting year');
      continue;
    }
    if (!application.shortlisted) continue;
    const category = lens.application(application);
    const dimensions: Partial<Record<RatioDimension, string>> = {
      staffGroup: application.staffGroup ?? NOT_RECORDED,
      payBand: application.payBand ? payBandLabel(application.payBand) : NOT_RECORDED,
      internationalRecruit: yesNoLabel(application.internationalRecruit),
      gender: genderLabel(application.gender),
      disability: disabilityLabel(application.disability),
      ethnicity: ethnicityLabel(application.ethnicity.code),
    };
    tally.add(category, 'population', dimensions);
    if (application.appointed) tally.add(category, 'events', dimensions);
  }
  return tally.result();
}

/**
 * People with at least one qualifying event in the year, against the non-bank headcount. The person's category
 * is the event row's where given, otherwise their staff record's; rows of one person that disagree are an error.
 */
export function countPeopleWithEvents<E extends PersonEvent>(
  events: readonly E[],
  lens: Pick<Lens, 'staff' | 'column' | 'noun' | 'ownDimension'> & { eventRow(event: NoInfer<E>): string | null },
  staffById: ReadonlyMap<string, StaffRecord>,
  staff: readonly StaffRecord[],
  period: ReportingPeriod,
  problems: Problem[],
  notes: string[],
  describe: string,
): RatioCounts {
  const tally = new Tally(lens.ownDimension);
  for (const person of staff) {
    if (!person.bankOnly) tally.add(lens.staff(person), 'population', staffDimensions(person));
  }
  const counted = new Map<string, { category: string; source: RowRef }>();
  let disagreements = 0;
  for (const event of events) {
    if (!withinPeriod(event.startDate, period)) {
      tally.exclude('dated outside the reporting year');
      continue;
    }
    const person = staffById.get(event.staffId);
    if (person?.bankOnly) {
      tally.exclude('bank-only staff');
      continue;
    }
    const own = lens.eventRow(event);
    const category = own ?? (person ? lens.staff(person) : null);
    if (category === null) {
      problems.push({
        file: event.source.file, row: event.source.row, column: 'staff_id', value: event.staffId,
        message: `this staff_id is not in staff.csv and the row gives no ${lens.column}, so the person cannot be counted`,
        expected: `a staff_id from staff.csv, or a ${lens.column} on this row`,
      });
      continue;
    }
    if (person && own !== null && lens.staff(person) !== own) disagreements += 1;
    const earlier = counted.get(event.staffId);
    if (earlier) {
      if (earlier.category !== category) {
        problems.push({
          file: event.source.file, row: event.source.row, column: lens.column, value: category,
          message: `this person's ${lens.noun} differs from their earlier row ${earlier.source.row} (${earlier.category})`,
          expected: `the same ${lens.noun} on every row for one person`,
        });
      }
      tally.exclude('further rows for a person already counted');
      continue;
    }
    counted.set(event.staffId, { category, source: event.source });
    tally.add(category, 'events', person ? staffDimensions(person) : LEAVER_DIMENSIONS);
  }
  const leavers = [...counted.keys()].filter((id) => !staffById.has(id)).length;
  if (leavers > 0) notes.push(`${leavers} people with ${describe} are not in staff.csv (for example leavers); they are counted using the ${lens.noun} on their row.`);
  if (disagreements > 0) notes.push(`${disagreements} ${describe} rows give a ${lens.noun} different from staff.csv; the row's own value was used.`);
  return tally.result();
}

