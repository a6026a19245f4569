/**
 * The board pack's use-cases, with no HTTP: everything a board is given for an organisation's year, gathered from
 * the other features' services so that each figure is worked out the one way it is everywhere else.
 * - the headline figure of every indicator of every registered standard for the year, read from the organisation's
 *   own report (with disclosure control, as the overview and the API have it) with its counts and 95% interval, and
 *   the pay gaps in words (the overview's reports);
 * - the board's readings (the overview's figures: monthly series, peers, targets);
 * - each objective whose baseline is from the year or before, with its progress as it stood at the year (figures of
 *   later years are left out, so an old pack reads as it did), its latest review, and its interventions, each with
 *   its evaluation (small months withheld unless `policy` is null, for the organisation's analysts on screen);
 * - each comply-or-explain rule with its compliance by month and the explanations.
 */
import { type HeadlineFigure, headlineFigure } from '../../core/act/headline.ts';
import { type Progress, progress } from '../../core/act/objectives.ts';
import { WHOLE_ORGANISATION } from '../../core/scopes/scope.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { scopedStoredReport } from '../../services/scoped-reports.ts';
import type { Intervention } from '../../store/intervention-types.ts';
import type { Objective, Review } from '../../store/objective-types.ts';
import type { Store } from '../../store/store.ts';
import { type EvaluationResult, evaluationOf } from '../interventions/evaluation-service.ts';
import { type RuleSummary, ruleSummary } from '../objectives/comply-service.ts';
import { progressOf } from '../objectives/service.ts';
import { type BoardFigures, boardFigures, overviewReports } from '../overview/service.ts';
import { type ReportTrends, reportTrends } from '../reporting/trends-service.ts';

export interface BoardPackServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
  readonly clock: () => Date;
}

/** One indicator's headline figure for the year, or why there is none. */
export interface StandardFigure {
  readonly indicator: string;
  readonly title: string;
  readonly result: { readonly available: true; readonly figure: HeadlineFigure } | { readonly available: false; readonly reason: string };
}

export interface StandardFigures {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  /** Null when the standard has no report for the year. */
  readonly figures: readonly StandardFigure[] | null;
}

export interface PackIntervention {
  readonly intervention: Intervention;
  readonly evaluation: EvaluationResult;
}

export interface PackObjective {
  readonly objective: Objective;
  /** The figures of the years after the baseline, up to the pack's year. */
  readonly figures: readonly HeadlineFigure[];
  readonly progress: Progress;
  readonly latestReview: Review | null;
  readonly interventions: readonly PackIntervention[];
}

export interface BoardPack {
  readonly year: number;
  readonly standards: readonly StandardFigures[];
  readonly payGaps: readonly string[] | null;
  readonly board: BoardFigures;
  readonly objectives: readonly PackObjective[];
  /** Objectives whose baseline is later than the pack's year: not in this pack. */
  readonly laterObjectives: number;
  readonly rules: readonly RuleSummary[];
  /**
   * Reports of racism and discrimination in the year (April to March), always with disclosure control, even for
   * analysts (only the handlers see every count); null until the year has ended or when nobody has reported.
   */
  readonly reports: ReportTrends | null;
}

/** Every registered standard with indicators: each indicator's headline figure for the organisation in the year. */
async function standardFigures(services: BoardPackServices, organisationId: number, year: number): Promise<StandardFigures[]> {
  const all = [];
  for (const standard of services.standards.all()) {
    if (standard.indicators.length === 0) continue;
    const stored = await scopedStoredReport(services.store, standard, organisationId, year, WHOLE_ORGANISATION, { suppressBreakdowns: true });
    const figures = stored.status === 'ok'
      ? standard.indicators.map((definition) => ({ indicator: definition.id, title: definition.title, result: headlineFigure(definition, stored.report, year) }))
      : null;
    all.push({ id: standard.id, name: standard.name, shortName: standard.shortName, figures });
  }
  return all;
}

/**
 * The pack for an organisation's year, or null when the year has no WRES report (as the overview). `policy` is the
 * disclosure control for the monthly figures and the evaluations: null only for the organisation's analysts on
 * screen; the API and the download always pass one.
 */
export async function boardPack(services: BoardPackServices, organisationId: number, year: number, policy: DisclosurePolicy | null): Promise<BoardPack | null> {
  const { store } = services;
  const reports = await overviewReports(services, organisationId, year);
  if (!reports.wres) return null;
  const standards = await standardFigures(services, organisationId, year);
  const board = await boardFigures(services, organisationId, year);

  const interventions = await store.interventions.list(organisationId);
  const objectives: PackObjective[] = [];
  let laterObjectives = 0;
  for (const objective of await store.objectives.list(organisationId)) {
    if (objective.baseline.year > year) {
      laterObjectives += 1;
      continue;
    }
    const all = await progressOf(services, objective);
    const figures = all.figures.filter((f) => f.year <= year);
    const reviews = await store.objectives.reviews(objective.id);
    const own = [];
    for (const intervention of interventions.filter((i) => i.objectiveId === objective.id)) {
      own.push({ intervention, evaluation: await evaluationOf(services, objective, intervention, policy) });
    }
    objectives.push({
      objective, figures, progress: progress(objective.baseline, objective.target, objective.targetDate, figures),
      latestReview: reviews[reviews.length - 1] ?? null, interventions: own,
    });
  }

  const rules = [];
  for (const rule of await store.complyOrExplain.rules(organisationId)) rules.push(await ruleSummary(store, rule));

  const { paygap } = reports;
  return {
    year, standards, payGaps: paygap ? [paygap.gender.statement, paygap.ethnicity.statement, paygap.disability.statement] : null,
    board, objectives, laterObjectives, rules, reports: await reportTrends(services, { id: organisationId }, year),
  };
}
