/**
 * From records to the counts WDES needs, kept per recorded disability answer (yes, no, not declared, blank) so
 * that Disabled, non-disabled and unknown roll up from them and the declaration rate can always be shown. The
 * counting itself is shared with WRES (src/core/counting); only the lens and the sources differ.
 */
import { PeopleWithEventsCounter, type Lens, type RatioCounts, type WorkforceCounts } from '../counting/people-and-events.ts';
import { PeopleCounter, type EventKind } from '../counting/people-counter.ts';
import { countDataset, type KeptRecords } from '../counting/stream-count.ts';
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { Problem, Result } from '../problem.ts';
import type {
  CapabilityRecord, DisabilityStatus, WdesSurveyMetric, WdesSurveyResult, WorkforceDataset,
} from '../records.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';

export const DISABILITY_LENS: Omit<Lens, never> & { eventRow(event: { readonly disability: DisabilityStatus | null }): string | null } = {
  column: 'disability',
  ownDimension: 'disability',
  noun: 'disability status',
  staff: (person) => person.disability,
  application: (application) => application.disability,
  eventRow: (event) => event.disability,
};

export interface SurveyFigure {
  readonly respondents: number;
  readonly positive: number | null;
  readonly score: number | null;
}

export interface Declaration {
  /** People whose answer is yes or no. */
  readonly declared: number;
  readonly total: number;
}

export interface WdesCounts {
  readonly period: ReportingPeriod;
  readonly workforce: WorkforceCounts;
  readonly appointment: RatioCounts | null;
  readonly capability: RatioCounts | null;
  readonly survey: Readonly<Partial<Record<WdesSurveyMetric, Readonly<Partial<Record<WdesSurveyResult['group'], SurveyFigure>>>>>> | null;
  readonly board: Readonly<Record<'voting' | 'nonVoting' | 'executive' | 'nonExecutive' | 'all', Headcounts>> | null;
  readonly narrative: { readonly answer: boolean | null; readonly text: string } | null;
  readonly notes: readonly string[];
}

/** Declared (yes or no) out of everyone, from counts kept per answer. */
export function declaration(headcounts: Headcounts): Declaration {
  const total = Object.values(headcounts).reduce((a, b) => a + b, 0);
  return { declared: (headcounts['yes'] ?? 0) + (headcounts['no'] ?? 0), total };
}

export function countWdes(dataset: WorkforceDataset, period: ReportingPeriod): Result<WdesCounts> {
  return countDataset(dataset, new WdesCounter(period));
}

/** WDES's counts, one record at a time (stream-count.ts): what countWdes and a folder read as it streams share. */
export class WdesCounter extends PeopleCounter<WdesCounts> {
  #capability: PeopleWithEventsCounter<CapabilityRecord> | null = null;

  constructor(period: ReportingPeriod) {
    super(period, DISABILITY_LENS);
  }

  protected openEvents(kind: EventKind): ((record: never) => void) | null {
    if (kind !== 'capability') return null;
    const counter = new PeopleWithEventsCounter<CapabilityRecord>(DISABILITY_LENS, this.profiles, this.period, 'capability cases');
    this.#capability = counter;
    return (event: CapabilityRecord) => counter.add(event);
  }

  finish(kept: KeptRecords): Result<WdesCounts> {
    const problems: Problem[] = [];
    const notes: string[] = [];
    const capability = this.#capability?.result(problems, notes) ?? null;
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      value: {
        period: this.period,
        workforce: this.workforce(),
        appointment: this.appointment(),
        capability,
        survey: kept.wdesSurvey && kept.wdesSurvey.length > 0 ? countSurvey(kept.wdesSurvey) : null,
        board: kept.board ? countBoard(kept.board) : null,
        narrative: kept.wdesNarrative ? { answer: kept.wdesNarrative.answer, text: kept.wdesNarrative.text } : null,
        notes,
      },
    };
  }
}

function countSurvey(results: readonly WdesSurveyResult[]): NonNullable<WdesCounts['survey']> {
  const survey: Partial<Record<WdesSurveyMetric, Partial<Record<WdesSurveyResult['group'], SurveyFigure>>>> = {};
  for (const r of results) {
    survey[r.metric] = { ...survey[r.metric], [r.group]: { respondents: r.respondents, positive: r.positive, score: r.score } };
  }
  return survey;
}

function countBoard(board: NonNullable<KeptRecords['board']>): NonNullable<WdesCounts['board']> {
  const bodies = { voting: {}, nonVoting: {}, executive: {}, nonExecutive: {}, all: {} } as Record<keyof NonNullable<WdesCounts['board']>, Record<string, number>>;
  const add = (body: Record<string, number>, category: string) => {
    body[category] = (body[category] ?? 0) + 1;
  };
  for (const member of board) {
    add(bodies.all, member.disability);
    add(member.voting ? bodies.voting : bodies.nonVoting, member.disability);
    add(member.executive ? bodies.executive : bodies.nonExecutive, member.disability);
  }
  return bodies;
}
