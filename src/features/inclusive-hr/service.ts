/**
 * The #InclusiveHR five-step challenge for any directorate (issue 14, item 1), with no HTTP. Every figure is read
 * from the directorate's scoped reports with disclosure control (`scopedStoredReport`, small numbers withheld), since
 * the challenge's pages are for the directorate's team and what they share, not the analyst's view:
 * 1. the directorate's WRES and WDES headline figures, and where its whole reports are;
 * 2. the review (core/inclusive-hr/review.ts) over this year's and last year's scoped reports, with the pay bands
 *    protected by differencing (core/inclusive-hr/counts.ts), and the team's own reading;
 * 3. lived experience: lived-experience-service.ts;
 * 4. themes, and the objectives of the directorate's scope with their interventions;
 * 5. those interventions' evaluations (interventions/evaluation-service.ts), and the summary to share.
 * Progress is the steps a team marks done, per organisation, year and directorate.
 */
import { headlineFigure as reportFigure, type HeadlineResult } from '../../core/act/headline.ts';
import { withSmallNumbersWithheld } from '../../core/actions/figures.ts';
import { bandsOfLadder } from '../../core/inclusive-hr/counts.ts';
import { generateReview, type Review, type ReviewIndicator } from '../../core/inclusive-hr/review.ts';
import { orderDirectorates, reachedText, stepReached, type Step } from '../../core/inclusive-hr/steps.ts';
import { formatPct, formatRatio } from '../../core/indicators/wording.ts';
import { type Scope, scopeKey } from '../../core/scopes/scope.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { AnyStandard } from '../../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { scopedStoredReport } from '../../services/scoped-reports.ts';
import type { DirectorateProgress } from '../../store/inclusive-hr-types.ts';
import type { Intervention } from '../../store/intervention-types.ts';
import type { Objective } from '../../store/objective-types.ts';
import type { Store } from '../../store/store.ts';
import { evaluationOf } from '../interventions/evaluation-service.ts';
import { interventionName } from '../interventions/service.ts';

export interface InclusiveHrServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
  readonly clock: () => Date;
}

/** The standards a directorate's data is run for (step 1), in this order. */
export const STANDARD_IDS = ['wres', 'wdes'] as const;
const POLICY = DEFAULT_DISCLOSURE_POLICY;

/**
 * An indicator's headline figure of the directorate with small numbers withheld: the scoped report withholds a
 * relative likelihood resting on a small cell, but not a share (indicator 1, metric 1), so a share resting on a
 * count of 1 to 7 (Disabled staff, say) is withheld here, with its counts.
 */
function headlineFigure(definition: Parameters<typeof reportFigure>[0], report: unknown, year: number): HeadlineResult {
  return withSmallNumbersWithheld(reportFigure(definition, report, year), POLICY);
}

export function directorateScope(name: string): Scope {
  return { kind: 'directorate', name };
}

/** The directorates of the year's current import (as the staff file spells them), HR and OD first. */
export async function directoratesOf(store: Store, organisationId: number, year: number): Promise<string[]> {
  const current = await store.imports.current(organisationId, year);
  if (!current) return [];
  return orderDirectorates((await store.imports.staffScopes(current.id)).directorates);
}

/** The directorate named in an address, exactly as the staff file spells it, or null. */
export async function findDirectorate(store: Store, organisationId: number, year: number, raw: string): Promise<string | null> {
  return (await directoratesOf(store, organisationId, year)).find((d) => d === raw) ?? null;
}

export interface DirectorateRow {
  readonly name: string;
  readonly stepsDone: readonly number[];
  readonly reached: string;
  readonly next: Step | 'complete';
}

/** Every directorate with the step it has reached. */
export async function overview(services: InclusiveHrServices, organisationId: number, year: number): Promise<DirectorateRow[]> {
  const [names, progress] = await Promise.all([directoratesOf(services.store, organisationId, year), services.store.inclusiveHr.progress(organisationId, year)]);
  return names.map((name) => {
    const done = progress.find((p) => p.directorate === name)?.stepsDone ?? [];
    return { name, stepsDone: done, reached: reachedText(done), next: stepReached(done) };
  });
}

export async function progressOf(services: InclusiveHrServices, organisationId: number, year: number, directorate: string): Promise<DirectorateProgress> {
  return (await services.store.inclusiveHr.progressOf(organisationId, year, directorate))
    ?? { directorate, stepsDone: [], reading: null, themes: [], updatedAt: new Date(0) };
}

/** A scoped report of the directorate with small numbers withheld, or why there is none. */
async function reportOf(services: InclusiveHrServices, standard: AnyStandard, organisationId: number, year: number, directorate: string): Promise<{ report: unknown } | { reason: string }> {
  const result = await scopedStoredReport(services.store, standard, organisationId, year, directorateScope(directorate), { suppressBreakdowns: true });
  if (result.status === 'ok') return { report: result.report };
  if (result.status === 'no-import') return { reason: `there is no ${year} import` };
  return { reason: result.message };
}

const GROUP_WORDS: Readonly<Record<string, string>> = { white: 'White', ethnicMinority: 'ethnic minority', disabled: 'Disabled', nonDisabled: 'non-disabled', board: 'board' };

/** One headline figure in words: the value with its interval, and its counts. */
export interface FigureRow {
  readonly id: string;
  readonly title: string;
  readonly figure: string | null;
  readonly counts: string | null;
  readonly reason: string | null;
}

export function figureRow(id: string, title: string, result: HeadlineResult): FigureRow {
  if (!result.available) return { id, title, figure: null, counts: null, reason: result.reason };
  const f = result.figure;
  const ci = f.ci95 ? f.kind === 'ratio' ? ` (95% interval ${formatRatio(f.ci95[0])} to ${formatRatio(f.ci95[1])})` : ` (95% interval ${f.ci95[0].toFixed(1)} to ${f.ci95[1].toFixed(1)})` : '';
  const value = f.value === null ? 'not defined' : f.kind === 'ratio' ? formatRatio(f.value) : f.kind === 'representationGap' ? `${f.value.toFixed(1)} points` : formatPct(f.value);
  const counts = f.counts.map((c) => `${c.events.toLocaleString('en-GB')} of ${c.population.toLocaleString('en-GB')} ${GROUP_WORDS[c.group] ?? c.group}`).join('; ');
  return { id, title, figure: `${value}${ci}${f.smallNumbers ? '; small numbers' : ''}`, counts, reason: null };
}

export interface StandardFigures {
  readonly id: string;
  readonly shortName: string;
  readonly rows: readonly FigureRow[];
  /** Why the directorate has no report, or null. */
  readonly reason: string | null;
  readonly notes: readonly string[];
}

function notesOf(report: unknown): string[] {
  const scope = (report as { scope?: { notes?: unknown } } | null)?.scope;
  return Array.isArray(scope?.notes) ? scope.notes.filter((n): n is string => typeof n === 'string') : [];
}

/** Step 1: the directorate's WRES and WDES headline figures, small numbers withheld. */
export async function directorateFigures(services: InclusiveHrServices, organisationId: number, year: number, directorate: string): Promise<StandardFigures[]> {
  const all: StandardFigures[] = [];
  for (const id of STANDARD_IDS) {
    const standard = services.standards.get(id);
    if (!standard) continue;
    const got = await reportOf(services, standard, organisationId, year, directorate);
    if ('reason' in got) {
      all.push({ id, shortName: standard.shortName, rows: [], reason: got.reason, notes: [] });
      continue;
    }
    const rows = standard.indicators.map((d) => figureRow(d.id, d.title, headlineFigure(d, got.report, year)));
    all.push({ id, shortName: standard.shortName, rows, reason: null, notes: notesOf(got.report) });
  }
  return all;
}

export interface ReviewPage {
  readonly review: Review;
  /** Agenda for Change bands with counts, withheld where small: the table beside the reading. */
  readonly bands: readonly { readonly band: string; readonly white: number | null; readonly ethnicMinority: number | null }[];
  readonly previousYear: number | null;
}

/** Step 2: what stands out, from this year's and last year's reports of the directorate. */
export async function directorateReview(services: InclusiveHrServices, organisationId: number, year: number, directorate: string): Promise<ReviewPage> {
  const indicators: ReviewIndicator[] = [];
  let bands: ReviewPage['bands'] = [];
  let shown: Parameters<typeof generateReview>[0]['bands'] = null;
  let previousYear: number | null = null;
  for (const id of STANDARD_IDS) {
    const standard = services.standards.get(id);
    if (!standard) continue;
    const now = await reportOf(services, standard, organisationId, year, directorate);
    const before = await reportOf(services, standard, organisationId, year - 1, directorate);
    if ('report' in before && id === 'wres') previousYear = year - 1;
    if ('report' in now && id === 'wres') {
      const i1 = (now.report as WresReport).indicators['1'];
      const protectedBands = bandsOfLadder(i1.pipeline.steps);
      bands = protectedBands.bands;
      shown = protectedBands.shown;
    }
    for (const definition of standard.indicators) {
      if (definition.kind !== 'ratio' && definition.kind !== 'representation') continue;
      indicators.push({
        standard: standard.shortName, definition,
        now: 'report' in now ? headlineFigure(definition, now.report, year) : { available: false, reason: now.reason },
        before: 'report' in before ? headlineFigure(definition, before.report, year - 1) : null,
      });
    }
  }
  return { review: generateReview({ year, previousYear, indicators, bands: shown }), bands, previousYear };
}

export interface PlannedObjective {
  readonly objective: Objective;
  readonly interventions: readonly Intervention[];
}

/** Step 4: the objectives whose scope is the directorate, with their interventions. */
export async function directorateObjectives(services: InclusiveHrServices, organisationId: number, directorate: string): Promise<PlannedObjective[]> {
  const key = scopeKey(directorateScope(directorate));
  const objectives = (await services.store.objectives.list(organisationId)).filter((o) => o.scope === key);
  const planned: PlannedObjective[] = [];
  for (const objective of objectives) planned.push({ objective, interventions: await services.store.interventions.forObjective(objective.id) });
  return planned;
}

export interface InterventionEvaluationRow {
  readonly objective: Objective;
  readonly intervention: Intervention;
  readonly name: string;
  /** The verdict in words, or null with the reason there is none yet. */
  readonly headline: string | null;
  readonly sentences: readonly string[];
  readonly reason: string | null;
}

/** Step 5: each intervention of the directorate's objectives with its evaluation (monthly series withheld where small). */
export async function directorateEvaluations(services: InclusiveHrServices, planned: readonly PlannedObjective[]): Promise<InterventionEvaluationRow[]> {
  const rows: InterventionEvaluationRow[] = [];
  for (const { objective, interventions } of planned) {
    for (const intervention of interventions) {
      const result = await evaluationOf(services, objective, intervention, POLICY);
      rows.push(result.available
        ? { objective, intervention, name: interventionName(intervention), headline: result.evaluation.headline, sentences: result.evaluation.sentences, reason: null }
        : { objective, intervention, name: interventionName(intervention), headline: null, sentences: [], reason: result.reason });
    }
  }
  return rows;
}
