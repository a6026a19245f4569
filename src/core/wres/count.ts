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
import { PeopleWithEventsCounter, type Lens, type RatioCounts, type WorkforceCounts } from '../counting/people-and-events.ts';
import { PeopleCounter, type EventKind } from '../counting/people-counter.ts';
import { countDataset, type KeptRecords } from '../counting/stream-count.ts';
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { SurveyCount } from '../indicators/evaluate-proportion.ts';
import type { Problem, Result } from '../problem.ts';
import type { DisciplinaryRecord, SurveyIndicator, TrainingRecord, WorkforceDataset } from '../records.ts';
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
  return countDataset(dataset, new WresCounter(period));
}

/** WRES's counts, one record at a time (stream-count.ts): what countWres and a folder read as it streams share. */
export class WresCounter extends PeopleCounter<WresCounts> {
  #disciplinary: PeopleWithEventsCounter<DisciplinaryRecord> | null = null;
  #training: { counter: PeopleWithEventsCounter<TrainingRecord>; mandatory: number } | null = null;

  constructor(period: ReportingPeriod) {
    super(period, ETHNICITY_LENS);
  }

  protected openEvents(kind: EventKind): ((record: never) => void) | null {
    switch (kind) {
      case 'disciplinary': {
        const counter = new PeopleWithEventsCounter<DisciplinaryRecord>(ETHNICITY_LENS, this.profiles, this.period, 'disciplinary cases');
        this.#disciplinary = counter;
        return (event: DisciplinaryRecord) => counter.add(event);
      }
      case 'training': {
        const training = {
          counter: new PeopleWithEventsCounter<TrainingRecord>(ETHNICITY_LENS, this.profiles, this.period, 'non-mandatory training'),
          mandatory: 0,
        };
        this.#training = training;
        return (event: TrainingRecord) => {
          if (event.mandatory) training.mandatory += 1;
          else training.counter.add(event);
        };
      }
      case 'capability':
        return null;
    }
  }

  finish(kept: KeptRecords): Result<WresCounts> {
    const problems: Problem[] = [];
    const notes: string[] = [];
    const disciplinary = this.#disciplinary?.result(problems, notes) ?? null;
    const training = this.#training ? this.#training.counter.result(problems, notes) : null;
    if (training && this.#training && this.#training.mandatory > 0) {
      (training.excluded as Record<string, number>)['mandatory training rows'] = this.#training.mandatory;
    }
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      value: {
        period: this.period,
        workforce: this.workforce(),
        appointment: this.appointment(),
        disciplinary,
        training,
        survey: kept.survey ? countSurvey(kept.survey) : null,
        board: kept.board ? countBoard(kept.board) : null,
        notes,
      },
    };
  }
}

function countSurvey(results: NonNullable<KeptRecords['survey']>): NonNullable<WresCounts['survey']> {
  const survey: Record<SurveyIndicator, Partial<Record<'white' | 'ethnicMinority', SurveyCount>>> = { '5': {}, '6': {}, '7': {}, '8': {} };
  for (const result of results) {
    survey[result.indicator][result.group] = { respondents: result.respondents, positive: result.positive };
  }
  return survey;
}

function countBoard(board: NonNullable<KeptRecords['board']>): NonNullable<WresCounts['board']> {
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
