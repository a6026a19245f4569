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
import {
  countAppointments,
  countPeopleWithEvents,
  countWorkforce,
  type Lens,
  type RatioCounts,
  type WorkforceCounts,
} from '../counting/people-and-events.ts';
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { SurveyCount } from '../indicators/evaluate-proportion.ts';
import type { Problem, Result } from '../problem.ts';
import type { SurveyIndicator, WorkforceDataset } from '../records.ts';
import type { ReportingPeriod } from './reporting-period.ts';

export {
  NOT_IN_STAFF_FILE,
  NOT_RECORDED,
  RATIO_DIMENSIONS,
  REPRESENTATION_LAYOUT,
  type RatioCounts,
  type RatioDimension,
  type RepresentationRow,
  type WorkforceCounts,
} from '../counting/people-and-events.ts';

export function ethnicCategory(ethnicity: Ethnicity): string {
  return ethnicity.code;
}

/** WRES counts people by ethnic category code (with blank as its own category). */
export const ETHNICITY_LENS: Omit<Lens, 'eventRow'> & { eventRow(event: { readonly ethnicity: Ethnicity | null }): string | null } = {
  column: 'ethnic_category',
  ownDimension: 'ethnicity',
  noun: 'ethnic category',
  staff: (person) => ethnicCategory(person.ethnicity),
  application: (application) => ethnicCategory(application.ethnicity),
  eventRow: (event) => (event.ethnicity ? ethnicCategory(event.ethnicity) : null),
};

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

export function countWres(dataset: WorkforceDataset, period: ReportingPeriod): Result<WresCounts> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const staffById = new Map(dataset.staff.map((s) => [s.staffId, s]));

  const disciplinary = dataset.disciplinary
    ? countPeopleWithEvents(dataset.disciplinary, ETHNICITY_LENS, staffById, dataset.staff, period, problems, notes, 'disciplinary cases')
    : null;
  const training = dataset.training
    ? countPeopleWithEvents(
      dataset.training.filter((t) => !t.mandatory), ETHNICITY_LENS, staffById, dataset.staff, period, problems, notes, 'non-mandatory training',
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
      workforce: countWorkforce(dataset.staff, ETHNICITY_LENS),
      appointment: dataset.applications ? countAppointments(dataset.applications, period, ETHNICITY_LENS) : null,
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
