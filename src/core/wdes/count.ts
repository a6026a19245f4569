/**
 * From records to the counts WDES needs, kept per recorded disability answer (yes, no, not declared, blank) so
 * that Disabled, non-disabled and unknown roll up from them and the declaration rate can always be shown. The
 * counting itself is shared with WRES (src/core/counting); only the lens and the sources differ.
 */
import {
  countAppointments,
  countPeopleWithEvents,
  countWorkforce,
  type Lens,
  type RatioCounts,
  type WorkforceCounts,
} from '../counting/people-and-events.ts';
import type { Headcounts } from '../indicators/evaluate-representation.ts';
import type { Problem, Result } from '../problem.ts';
import type { DisabilityStatus, WdesSurveyMetric, WdesSurveyResult, WorkforceDataset } from '../records.ts';
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
  const problems: Problem[] = [];
  const notes: string[] = [];
  const staffById = new Map(dataset.staff.map((s) => [s.staffId, s]));
  const capability = dataset.capability
    ? countPeopleWithEvents(dataset.capability, DISABILITY_LENS, staffById, dataset.staff, period, problems, notes, 'capability cases')
    : null;
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      period,
      workforce: countWorkforce(dataset.staff, DISABILITY_LENS),
      appointment: dataset.applications ? countAppointments(dataset.applications, period, DISABILITY_LENS) : null,
      capability,
      survey: dataset.wdesSurvey && dataset.wdesSurvey.length > 0 ? countSurvey(dataset.wdesSurvey) : null,
      board: dataset.board ? countBoard(dataset.board) : null,
      narrative: dataset.wdesNarrative ? { answer: dataset.wdesNarrative.answer, text: dataset.wdesNarrative.text } : null,
      notes,
    },
  };
}

function countSurvey(results: readonly WdesSurveyResult[]): NonNullable<WdesCounts['survey']> {
  const survey: Partial<Record<WdesSurveyMetric, Partial<Record<WdesSurveyResult['group'], SurveyFigure>>>> = {};
  for (const r of results) {
    survey[r.metric] = { ...survey[r.metric], [r.group]: { respondents: r.respondents, positive: r.positive, score: r.score } };
  }
  return survey;
}

function countBoard(board: NonNullable<WorkforceDataset['board']>): NonNullable<WdesCounts['board']> {
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
