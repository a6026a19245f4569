/**
 * Publishing an organisation's year (issue 13), with no HTTP:
 * - `assembleReport`: the report as the public will see it, gathered the way the board pack gathers its figures
 *   (every registered standard's stored report for the year with disclosure control, the pay gaps for sharing, WDES
 *   9b's narrative, each objective with its progress as at the year, the evaluations the organisation chose to share,
 *   the year's EDS 2022 summary from the agreed ratings only, the year's reports through the form by category as members'
 *   trend pages have them) and made safe by core/publish's rules (a figure with any count of 1 to 7 withheld whole);
 * - `prepareDraft`: the organisation's analysts (and administrators who are members) save it as the year's draft, a
 *   frozen snapshot; once a version is published, a new draft is a correction and needs a note of what changed and why;
 * - `approveDraft`: an administrator who is a member publishes the draft as the next version: exactly the snapshot
 *   they were shown. A published version never changes; earlier versions stay;
 * - reading published versions for the public pages and the open data.
 * Every change is audited (never the note's words).
 */
import { headlineFigure, indicatorResults } from '../../core/act/headline.ts';
import { OWNER_ROLES, progress, targetText } from '../../core/act/objectives.ts';
import { statusText } from '../../core/act/interventions/plan.ts';
import {
  correctionNoteProblem, PUBLISHED_REPORT_FORMAT, type PublicEvaluation, type PublicFigure, type PublicObjective, publicFigure, publicHeadline,
  type PublicProgressStatus, type PublicStandard, type PublishedReport, summarise,
} from '../../core/publish/report.ts';
import type { EdsOutcomeId, EdsRating } from '../../core/eds/outcomes.ts';
import { thresholdSet } from '../../core/eds/scoring.ts';
import { type PublicEds, publicEds } from '../../core/publish/eds.ts';
import { type PublicReports, publicReports } from '../../core/publish/reports.ts';
import { WHOLE_ORGANISATION } from '../../core/scopes/scope.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { scopedStoredReport } from '../../services/scoped-reports.ts';
import type { Publication, PublishedVersion } from '../../store/publication-types.ts';
import type { Organisation, Store } from '../../store/store.ts';
import { evaluationOf } from '../interventions/evaluation-service.ts';
import { interventionName } from '../interventions/service.ts';
import { findMeasure, measureText, progressOf, scopeText } from '../objectives/service.ts';
import { overviewReports } from '../overview/service.ts';
import { reportTrends } from '../reporting/trends-service.ts';

export interface PublishServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
  readonly clock: () => Date;
}

const POLICY: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The report's own sentence for an indicator: its `statement`, or the voting board's for a board gap. */
function statementOf(report: unknown, id: string): string | null {
  const result = indicatorResults(report)?.[id];
  if (!isObject(result)) return null;
  if (typeof result['statement'] === 'string') return result['statement'];
  const voting = result['voting'];
  return isObject(voting) && typeof voting['statement'] === 'string' ? voting['statement'] : null;
}

async function publicStandards(services: PublishServices, organisationId: number, year: number): Promise<PublicStandard[]> {
  const all: PublicStandard[] = [];
  for (const standard of services.standards.all()) {
    if (standard.indicators.length === 0) continue;
    const stored = await scopedStoredReport(services.store, standard, organisationId, year, WHOLE_ORGANISATION, { suppressBreakdowns: true });
    const figures = stored.status === 'ok'
      ? standard.indicators.map((d) => publicFigure(
        { year, standard: standard.id, indicator: d.id, title: d.title, kind: d.kind },
        headlineFigure(d, stored.report, year), statementOf(stored.report, d.id), POLICY,
      ))
      : null;
    all.push({ id: standard.id, name: standard.name, shortName: standard.shortName, figures });
  }
  return all;
}

const PROGRESS_WITHHELD = 'Progress is not shown: a figure it is worked out from is withheld, because it rests on fewer than 8 people.';
const PART_NOT_PUBLISHED = 'Figures for part of the organisation are not published, so that they cannot be set against its own to identify anyone. Progress is reported to the board.';

async function publicObjectives(services: PublishServices, organisationId: number, year: number) {
  const { store } = services;
  const objectives: PublicObjective[] = [];
  const evaluations: PublicEvaluation[] = [];
  const shared = await store.interventions.shared(organisationId);
  for (const objective of await store.objectives.list(organisationId)) {
    if (objective.baseline.year > year) continue;
    const number = objectives.length + 1;
    const measure = measureText(services.standards, objective);
    const definition = findMeasure(services.standards, objective.standard, objective.indicator)?.definition;
    const identity = { standard: objective.standard, indicator: objective.indicator, title: definition?.title ?? measure };
    const whole = objective.scope === 'organisation';
    const all = await progressOf(services, objective);
    const figures = all.figures.filter((f) => f.year <= year);
    const p = progress(objective.baseline, objective.target, objective.targetDate, figures);
    const baseline = publicHeadline(identity, objective.baseline, POLICY);
    const latest = p.latest ? publicHeadline(identity, p.latest, POLICY) : null;
    const hidden = (f: PublicFigure): PublicFigure => ({ ...f, status: 'withheld', value: null, ci95: null, counts: [], smallNumbers: false, note: PART_NOT_PUBLISHED });
    let status: PublicProgressStatus = p.status;
    let sentence = p.sentence;
    if (!whole) {
      status = 'not-published';
      sentence = PART_NOT_PUBLISHED;
    } else if (baseline.status === 'withheld' || latest?.status === 'withheld') {
      status = 'withheld';
      sentence = PROGRESS_WITHHELD;
    }
    objectives.push({
      number, standard: objective.standard, indicator: objective.indicator, measure, scope: scopeText(objective.scope), wholeOrganisation: whole,
      target: targetText(objective.target, objective.baseline.kind), targetDate: objective.targetDate,
      ownerRole: OWNER_ROLES.find((r) => r.value === objective.ownerRole)?.text ?? objective.ownerRole,
      baseline: whole ? baseline : hidden(baseline), latest: latest && !whole ? hidden(latest) : latest, status, progress: sentence,
    });
    if (!whole) continue;
    for (const intervention of shared.filter((i) => i.objectiveId === objective.id)) {
      const result = await evaluationOf(services, objective, intervention, POLICY);
      evaluations.push({
        number: evaluations.length + 1, objective: number, intervention: interventionName(intervention), status: statusText(intervention.status),
        startDate: intervention.startDate, endDate: intervention.endDate,
        verdict: result.available ? result.evaluation.verdict : null,
        headline: result.available ? result.evaluation.headline : result.reason,
      });
    }
  }
  return { objectives, evaluations };
}

/** The year's EDS 2022 summary under the organisation's threshold set: agreed ratings only, never the stakeholder groups'. */
async function yearEds(services: PublishServices, organisationId: number, year: number): Promise<PublicEds | null> {
  const [chosen, agreed] = await Promise.all([services.store.eds.thresholds(organisationId), services.store.eds.agreedRatings(organisationId)]);
  const ratings: Partial<Record<EdsOutcomeId, EdsRating>> = {};
  for (const a of agreed) if (a.year === year) ratings[a.outcome] = a.rating;
  return publicEds(ratings, thresholdSet(chosen));
}

/** The year's reports through Mirror as a member sees them (ended years only, small counts withheld); null when none to show. */
async function yearReports(services: PublishServices, organisationId: number, year: number): Promise<PublicReports | null> {
  const t = await reportTrends(services, { id: organisationId }, year, { policy: POLICY });
  if (!t) return null;
  const categories = t.trends.byCategory.columns.map((key, i) => ({ key, label: t.categoryLabels[key] ?? key, reports: t.trends.byCategory.columnTotals[i] ?? null }));
  return publicReports(year, t.trends.total, categories, POLICY);
}

/** The year's report as it would be published, or null when the year was not imported (or has no WRES report). */
export async function assembleReport(services: PublishServices, organisation: Organisation, year: number): Promise<PublishedReport | null> {
  const reports = await overviewReports(services, organisation.id, year);
  if (!reports.wres) return null;
  const standards = await publicStandards(services, organisation.id, year);
  const { objectives, evaluations } = await publicObjectives(services, organisation.id, year);
  const { paygap, wdes } = reports;
  const n = wdes?.metrics['9b'];
  const base = {
    format: PUBLISHED_REPORT_FORMAT,
    organisation: { code: organisation.code, name: organisation.name, synthetic: organisation.synthetic },
    year,
    assembled: services.clock().toISOString().slice(0, 10),
    disclosure: { minimumCellSize: POLICY.minimumCellSize },
    standards,
    payGaps: paygap ? [paygap.gender.statement, paygap.ethnicity.statement, paygap.disability.statement] : null,
    narrative: n?.available ? { answer: n.answer, text: n.narrative } : null,
    objectives,
    evaluations,
    eds: await yearEds(services, organisation.id, year),
    reports: await yearReports(services, organisation.id, year),
  } as const;
  return { ...base, summary: summarise(base) };
}

export type PrepareResult =
  | { readonly ok: true; readonly draft: Publication }
  | { readonly ok: false; readonly problem: string };

/** Saves the year's draft (replacing an earlier draft); a correction (once a version is published) needs its note. */
export async function prepareDraft(services: PublishServices, organisation: Organisation, year: number, note: string, userId: number | null): Promise<PrepareResult | null> {
  const report = await assembleReport(services, organisation, year);
  if (!report) return null;
  const correcting = (await services.store.publications.version(organisation.id, year, null)) !== null;
  const problem = correctionNoteProblem(note, correcting);
  if (problem) return { ok: false, problem };
  const draft = await services.store.publications.saveDraft({
    organisationId: organisation.id, year, snapshot: report, correctionNote: correcting ? note.trim() : null, preparedBy: userId, at: services.clock(),
  });
  await services.store.audit.record({ userId, action: 'publication-drafted', organisationId: organisation.id, subject: `publications/${year}/draft`, details: { correction: correcting } });
  return { ok: true, draft };
}

/** Publishes the draft the approver was shown (its id) as the year's next version; null when there is no such draft. */
export async function approveDraft(services: PublishServices, organisation: Organisation, year: number, draftId: number, userId: number | null): Promise<Publication | null> {
  const draft = await services.store.publications.draft(organisation.id, year);
  if (!draft || draft.id !== draftId) return null;
  const published = await services.store.publications.publish(organisation.id, draftId, { approvedBy: userId, at: services.clock() });
  if (published) {
    await services.store.audit.record({ userId, action: 'publication-published', organisationId: organisation.id, subject: `publications/${year}/v${published.version}` });
  }
  return published;
}

export async function discardDraft(services: PublishServices, organisation: Organisation, year: number, userId: number | null): Promise<boolean> {
  const discarded = await services.store.publications.discardDraft(organisation.id, year);
  if (discarded) await services.store.audit.record({ userId, action: 'publication-discarded', organisationId: organisation.id, subject: `publications/${year}/draft` });
  return discarded;
}

/** What the organisation's publishing page shows: the year's draft and every published version of the year. */
export async function publishingState(services: PublishServices, organisationId: number, year: number): Promise<{ draft: Publication | null; versions: readonly PublishedVersion[] }> {
  const [draft, versions] = await Promise.all([services.store.publications.draft(organisationId, year), services.store.publications.versions(organisationId)]);
  return { draft, versions: versions.filter((v) => v.year === year) };
}

/** An organisation with at least one published version, by code; null otherwise (unknown, or nothing published). */
export async function publishedOrganisation(services: PublishServices, code: string): Promise<{ organisation: Organisation; versions: readonly PublishedVersion[] } | null> {
  const organisation = await services.store.organisations.byCode(code);
  if (!organisation) return null;
  const versions = await services.store.publications.versions(organisation.id);
  return versions.length ? { organisation, versions } : null;
}

/** A published version (the year's latest when `version` is null) with its report. */
export async function publishedVersion(services: PublishServices, organisationId: number, year: number, version: number | null): Promise<(Publication & { readonly report: PublishedReport }) | null> {
  const found = await services.store.publications.version(organisationId, year, version);
  return found ? { ...found, report: found.snapshot as PublishedReport } : null;
}

/** Every organisation's latest version of each published year, with its report, for the open data index. */
export async function everyLatestVersion(services: PublishServices): Promise<(Publication & { readonly report: PublishedReport })[]> {
  return (await services.store.publications.latestEverywhere()).map((p) => ({ ...p, report: p.snapshot as PublishedReport }));
}
