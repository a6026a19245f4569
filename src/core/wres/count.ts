/**
 * From records to the counts WRES needs, kept per ethnic category code so every roll-up, specific comparison and
 * breakdown can be derived later. This is the only place that reads records; everything after works on counts,
 * which is what the store keeps.
 *
 * Rules applied here (each documented in docs/methodology.md):
 * - bank-only staff are left out of every indicator, as numerators and as denominators;
 * - disciplinary and training rows dated outside the reporting year are left out;
 * - a person counts once however many cases or courses they have; mandatory training does not count;
 * - where a disciplinary or training row gives no ethnicity it is taken from staff.csv by staff_id.
 */
import type { Ethnicity } from '../ethnicity/classifications.ts';
import type { CategoryCounts } from '../indicators/characteristic.ts';
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { SurveyCount } from '../indicators/evaluate-proportion.ts';
import type { Problem, Result } from '../problem.ts';
import type {
  ApplicationRecord,
  RowRef,
  StaffRecord,
  SurveyIndicator,
  WorkforceDataset,
} from '../records.ts';
import type { EventCount } from '../stats/relative-likelihood.ts';
import { BAND_ROWS, MEDICAL_SUB_GROUPS, MEDICAL_SUB_GROUP_LABELS, payBandLabel } from '../workforce/pay-band.ts';
import { isClinical, type Cluster } from '../workforce/staff-group.ts';
import { withinPeriod, type ReportingPeriod } from './reporting-period.ts';

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

export const RATIO_DIMENSIONS = ['staffGroup', 'payBand', 'directorate', 'internationalRecruit'] as const;
export type RatioDimension = (typeof RATIO_DIMENSIONS)[number];

export interface RatioCounts {
  readonly overall: CategoryCounts;
  /** Counts within each value of a dimension; a dimension the source cannot give is absent. */
  readonly byDimension: Readonly<Partial<Record<RatioDimension, Readonly<Record<string, CategoryCounts>>>>>;
  /** Rows or people left out, by reason, for the method notes. */
  readonly excluded: Readonly<Record<string, number>>;
}

export interface WresCounts {
  readonly period: ReportingPeriod;
  readonly workforce: WorkforceCounts;
  readonly appointment: RatioCounts | null;
  readonly disciplinary: RatioCounts | null;
  readonly training: RatioCounts | null;
  readonly survey: Readonly<Record<SurveyIndicator, Readonly<Partial<Record<'white' | 'ethnicMinority', SurveyCount>>>>> | null;
  readonly board: { readonly voting: Headcounts; readonly executive: Headcounts; readonly all: Headcounts } | null;
  /** Data-quality observations worth telling the analyst (never personal data). */
  readonly notes: readonly string[];
}

export function ethnicCategory(ethnicity: Ethnicity): string {
  return ethnicity.code;
}

/** A growing tally of events and population per category, per dimension value. */
class Tally {
  readonly #overall = new Map<string, { events: number; population: number }>();
  readonly #byDimension = new Map<RatioDimension, Map<string, Map<string, { events: number; population: number }>>>();
  readonly excluded: Record<string, number> = {};

  add(category: string, kind: 'events' | 'population', dimensions: Partial<Record<RatioDimension, string>>): void {
    bump(this.#overall, category, kind);
    for (const [dimension, value] of Object.entries(dimensions) as [RatioDimension, string][]) {
      let byValue = this.#byDimension.get(dimension);
      if (!byValue) this.#byDimension.set(dimension, (byValue = new Map()));
      let counts = byValue.get(value);
      if (!counts) byValue.set(value, (counts = new Map()));
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
  if (!count) map.set(category, (count = { events: 0, population: 0 }));
  count[kind] += 1;
}

function freeze(map: Map<string, EventCount>): CategoryCounts {
  return Object.fromEntries([...map].map(([k, v]) => [k, { events: v.events, population: v.population }]));
}

function yesNoLabel(value: boolean | null): string {
  if (value === null) return NOT_RECORDED;
  return value ? 'Internationally recruited' : 'Not internationally recruited';
}

function staffDimensions(person: StaffRecord): Partial<Record<RatioDimension, string>> {
  return {
    staffGroup: person.staffGroup,
    payBand: payBandLabel(person.payBand),
    directorate: person.directorate ?? NOT_RECORDED,
    internationalRecruit: yesNoLabel(person.internationalRecruit),
  };
}

const LEAVER_DIMENSIONS: Partial<Record<RatioDimension, string>> = {
  staffGroup: NOT_IN_STAFF_FILE,
  payBand: NOT_IN_STAFF_FILE,
  directorate: NOT_IN_STAFF_FILE,
  internationalRecruit: NOT_IN_STAFF_FILE,
};

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

function countWorkforce(staff: readonly StaffRecord[]): WorkforceCounts {
  const overall: Record<string, number> = {};
  const rows = new Map(REPRESENTATION_LAYOUT.map((r) => [`${r.cluster}|${r.row}`, {} as Record<string, number>]));
  let bankOnlyExcluded = 0;
  for (const person of staff) {
    if (person.bankOnly) {
      bankOnlyExcluded += 1;
      continue;
    }
    const category = ethnicCategory(person.ethnicity);
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

function countAppointments(applications: readonly ApplicationRecord[], period: ReportingPeriod): RatioCounts {
  const tally = new Tally();
  for (const application of applications) {
    if (application.date !== null && !withinPeriod(application.date, period)) {
      tally.exclude('dated outside the reporting year');
      continue;
    }
    if (!application.shortlisted) continue;
    const category = ethnicCategory(application.ethnicity);
    const dimensions: Partial<Record<RatioDimension, string>> = {
      staffGroup: application.staffGroup ?? NOT_RECORDED,
      payBand: application.payBand ? payBandLabel(application.payBand) : NOT_RECORDED,
      internationalRecruit: yesNoLabel(application.internationalRecruit),
    };
    tally.add(category, 'population', dimensions);
    if (application.appointed) tally.add(category, 'events', dimensions);
  }
  return tally.result();
}

interface PersonEvent {
  readonly staffId: string;
  readonly ethnicity: Ethnicity | null;
  readonly startDate: string;
  readonly source: RowRef;
}

/**
 * People with at least one qualifying event in the year, against the non-bank headcount. The person's ethnicity
 * is the event row's where given, otherwise their staff record's; rows of one person that disagree are an error.
 */
function countPeopleWithEvents(
  events: readonly PersonEvent[],
  staffById: ReadonlyMap<string, StaffRecord>,
  staff: readonly StaffRecord[],
  period: ReportingPeriod,
  problems: Problem[],
  notes: string[],
  describe: string,
): RatioCounts {
  const tally = new Tally();
  for (const person of staff) {
    if (!person.bankOnly) tally.add(ethnicCategory(person.ethnicity), 'population', staffDimensions(person));
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
    const ethnicity = event.ethnicity ?? person?.ethnicity;
    if (!ethnicity) {
      problems.push({
        file: event.source.file, row: event.source.row, column: 'staff_id', value: event.staffId,
        message: 'this staff_id is not in staff.csv and the row gives no ethnic_category, so the person cannot be counted',
        expected: 'a staff_id from staff.csv, or an ethnic_category on this row',
      });
      continue;
    }
    const category = ethnicCategory(ethnicity);
    if (person && event.ethnicity && ethnicCategory(person.ethnicity) !== category) disagreements += 1;
    const earlier = counted.get(event.staffId);
    if (earlier) {
      if (earlier.category !== category) {
        problems.push({
          file: event.source.file, row: event.source.row, column: 'ethnic_category', value: ethnicity.code,
          message: `this person's ethnic category differs from their earlier row ${earlier.source.row} (${earlier.category})`,
          expected: 'the same ethnic category on every row for one person',
        });
      }
      tally.exclude('further rows for a person already counted');
      continue;
    }
    counted.set(event.staffId, { category, source: event.source });
    tally.add(category, 'events', person ? staffDimensions(person) : LEAVER_DIMENSIONS);
  }
  const leavers = [...counted.keys()].filter((id) => !staffById.has(id)).length;
  if (leavers > 0) notes.push(`${leavers} people with ${describe} are not in staff.csv (for example leavers); they are counted using the ethnicity on their row.`);
  if (disagreements > 0) notes.push(`${disagreements} ${describe} rows give an ethnic category different from staff.csv; the row's own value was used.`);
  return tally.result();
}

export function countWres(dataset: WorkforceDataset, period: ReportingPeriod): Result<WresCounts> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const staffById = new Map(dataset.staff.map((s) => [s.staffId, s]));

  const disciplinary = dataset.disciplinary
    ? countPeopleWithEvents(dataset.disciplinary, staffById, dataset.staff, period, problems, notes, 'disciplinary cases')
    : null;
  const training = dataset.training
    ? countPeopleWithEvents(
      dataset.training.filter((t) => !t.mandatory), staffById, dataset.staff, period, problems, notes, 'non-mandatory training',
    )
    : null;
  if (training && dataset.training) {
    const mandatory = dataset.training.filter((t) => t.mandatory).length;
    if (mandatory > 0) (training.excluded as Record<string, number>)['mandatory training rows'] = mandatory;
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    value: {
      period,
      workforce: countWorkforce(dataset.staff),
      appointment: dataset.applications ? countAppointments(dataset.applications, period) : null,
      disciplinary,
      training,
      survey: dataset.survey ? countSurvey(dataset.survey) : null,
      board: dataset.board ? countBoard(dataset.board) : null,
      notes,
    },
  };
}

function countSurvey(results: NonNullable<WorkforceDataset['survey']>): NonNullable<WresCounts['survey']> {
  const survey: Record<SurveyIndicator, Partial<Record<'white' | 'ethnicMinority', SurveyCount>>> = { '5': {}, '6': {}, '7': {}, '8': {} };
  for (const result of results) {
    survey[result.indicator][result.group] = { respondents: result.respondents, positive: result.positive };
  }
  return survey;
}

function countBoard(board: NonNullable<WorkforceDataset['board']>): NonNullable<WresCounts['board']> {
  const voting: Record<string, number> = {};
  const executive: Record<string, number> = {};
  const all: Record<string, number> = {};
  for (const member of board) {
    const category = ethnicCategory(member.ethnicity);
    all[category] = (all[category] ?? 0) + 1;
    if (member.voting) voting[category] = (voting[category] ?? 0) + 1;
    if (member.executive) executive[category] = (executive[category] ?? 0) + 1;
  }
  return { voting, executive, all };
}
