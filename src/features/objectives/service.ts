/**
 * The objectives feature's use-cases, with no HTTP: the measures an objective can follow (every indicator of every
 * registered standard), the scopes of the latest year, creating an objective (the SMART check, then its baseline
 * read from the stored figures of the latest imported year by the same report services as every page), editing its
 * target, date, owner and action, appending reviews, and its progress computed from every year imported since the
 * baseline. Every change is audited; the audit never holds the owner's name or a review's words.
 */
import { type HeadlineFigure, headlineFigure } from '../../core/act/headline.ts';
import { HIGH_IMPACT_ACTIONS, highImpactAction } from '../../core/act/high-impact-actions.ts';
import { type ObjectiveInput, OWNER_ROLES, type Progress, progress, type SmartProblem, smartCheck, targetText } from '../../core/act/objectives.ts';
import type { IndicatorDefinition } from '../../core/indicators/definition.ts';
import { parseScope, scopeKey, scopeLabel } from '../../core/scopes/scope.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { AnyStandard } from '../../core/standards/standard.ts';
import { assignableOwners, checkOwnerUser, type OwnerChoice } from '../../services/owners.ts';
import { type ScopeChoice, scopeChoices, scopedStoredReport } from '../../services/scoped-reports.ts';
import { type Objective, REVIEW_STATUSES, type Review, type ReviewStatus } from '../../store/objective-types.ts';
import type { Store } from '../../store/store.ts';

export interface ObjectiveServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
  readonly clock: () => Date;
}

export interface Measure {
  readonly standard: AnyStandard;
  readonly definition: IndicatorDefinition<string>;
}

/** "wres:2": a measure as a form or the API names it. */
export function measureKey(standard: string, indicator: string): string {
  return `${standard}:${indicator}`;
}

export function findMeasure(standards: StandardRegistry, standardId: string, indicatorId: string): Measure | null {
  const standard = standards.get(standardId);
  const definition = standard?.indicators.find((i) => i.id === indicatorId);
  return standard && definition ? { standard, definition } : null;
}

/** Every indicator of every registered standard, for the form's choice of measure. */
export function measureChoices(standards: StandardRegistry): { value: string; text: string }[] {
  return standards.all().flatMap((s) => s.indicators.map((i) => ({ value: measureKey(s.id, i.id), text: `${s.shortName} ${i.id}: ${i.title}` })));
}

export function measureText(standards: StandardRegistry, objective: Pick<Objective, 'standard' | 'indicator'>): string {
  const measure = findMeasure(standards, objective.standard, objective.indicator);
  return measure ? `${measure.standard.shortName} ${measure.definition.id}: ${measure.definition.title}` : `${objective.standard} ${objective.indicator}`;
}

export function scopeText(key: string): string {
  const parsed = parseScope(key);
  return parsed.ok ? scopeLabel(parsed.scope) : key;
}

/** The scopes of the organisation's latest imported year (the whole organisation when there is none). */
export async function objectiveScopes(services: ObjectiveServices, organisationId: number): Promise<readonly ScopeChoice[]> {
  const [latest] = await services.store.organisations.years(organisationId);
  return latest === undefined ? [{ key: 'organisation', text: 'The whole organisation' }] : scopeChoices(services.store, organisationId, latest);
}

/** The indicator's headline figure for a scope in one stored year, or why there is none. */
export async function figureFor(
  services: ObjectiveServices, measure: Measure, organisationId: number, year: number, scope: string,
): Promise<{ ok: true; figure: HeadlineFigure } | { ok: false; reason: string }> {
  const parsed = parseScope(scope);
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  const result = await scopedStoredReport(services.store, measure.standard, organisationId, year, parsed.scope, { suppressBreakdowns: true });
  if (result.status === 'no-import') return { ok: false, reason: `there is no ${measure.standard.shortName} report for ${year}` };
  if (result.status !== 'ok') return { ok: false, reason: result.message };
  const headline = headlineFigure(measure.definition, result.report, year);
  return headline.available ? { ok: true, figure: headline.figure } : { ok: false, reason: headline.reason };
}

export type ObjectiveProblem = SmartProblem | { readonly field: 'ownerUser'; readonly part: 'owner'; readonly message: string };

export type CreateResult =
  | { readonly ok: true; readonly objective: Objective }
  | { readonly ok: false; readonly problems: readonly ObjectiveProblem[] };

/** Reads the form's measure ("wres:2") into the standard and indicator the SMART check wants. */
export function inputFromForm(form: Readonly<Record<string, string>>): ObjectiveInput {
  const [standard, indicator] = (form['measure'] ?? '').split(':');
  return {
    standard, indicator, scope: form['scope'], targetKind: form['targetKind'], targetValue: form['targetValue'],
    targetDate: form['targetDate'], ownerName: form['ownerName'], ownerRole: form['ownerRole'], action: form['action'],
  };
}

const today = (services: ObjectiveServices) => services.clock().toISOString().slice(0, 10);

/** The SMART problems and the assigned owner's, together, so the form names every one at once. */
async function withOwner(services: ObjectiveServices, organisationId: number, ownerUser: string | number | null | undefined, problems: readonly SmartProblem[]) {
  const owner = await checkOwnerUser(services.store, organisationId, ownerUser);
  const all: ObjectiveProblem[] = [...problems];
  if (!owner.ok) all.push({ ...owner.problem, part: 'owner' });
  return { ownerUserId: owner.ok ? owner.userId : null, problems: all };
}

/**
 * Checks the objective, reads its baseline from the latest imported year, saves and audits it. Nothing is saved
 * when any part is missing: every problem is returned, each on its field. `ownerUser` is the id of the member it is
 * assigned to (empty for nobody).
 */
export async function createObjective(
  services: ObjectiveServices, organisationId: number, userId: number | null, input: ObjectiveInput, ownerUser: string | number | null = null,
): Promise<CreateResult> {
  const measure = input.standard && input.indicator ? findMeasure(services.standards, input.standard, input.indicator) : null;
  const check = smartCheck(measure ? input : { ...input, standard: undefined }, measure?.definition.kind ?? null, today(services));
  const owner = await withOwner(services, organisationId, ownerUser, check.ok ? [] : check.problems);
  if (!check.ok || owner.problems.length > 0) return { ok: false, problems: owner.problems };
  const scope = parseScope(check.terms.scope);
  if (!scope.ok) return { ok: false, problems: [{ field: 'indicator', part: 'measure', message: scope.message }] };
  const [latest] = await services.store.organisations.years(organisationId);
  if (latest === undefined || !measure) return { ok: false, problems: [{ field: 'indicator', part: 'measure', message: 'Import a year\'s figures first: the baseline is read from them' }] };
  const baseline = await figureFor(services, measure, organisationId, latest, scopeKey(scope.scope));
  if (!baseline.ok) {
    return { ok: false, problems: [{ field: 'indicator', part: 'measure', message: `${measure.standard.shortName} ${measure.definition.id} has no ${latest} figure for ${scopeLabel(scope.scope)}: ${baseline.reason}` }] };
  }
  const objective = await services.store.objectives.create({
    ...check.terms, scope: scopeKey(scope.scope), organisationId, baseline: baseline.figure, ownerUserId: owner.ownerUserId, createdBy: userId,
  });
  await services.store.audit.record({
    userId, action: 'objective-created', organisationId, subject: `objectives/${objective.id}`,
    details: { standard: objective.standard, indicator: objective.indicator, scope: objective.scope, baselineYear: baseline.figure.year, ownerUserId: objective.ownerUserId },
  });
  return { ok: true, objective };
}

/**
 * Changes the target, date, owner (and the member it is assigned to) and action of an objective (never its measure
 * or baseline), audited by field.
 */
export async function editObjective(
  services: ObjectiveServices, objective: Objective, userId: number | null, input: ObjectiveInput, ownerUser: string | number | null = null,
): Promise<CreateResult> {
  const check = smartCheck({ ...input, standard: objective.standard, indicator: objective.indicator, scope: objective.scope }, objective.baseline.kind, today(services));
  const owner = await withOwner(services, objective.organisationId, ownerUser, check.ok ? [] : check.problems);
  if (!check.ok || owner.problems.length > 0) return { ok: false, problems: owner.problems };
  const { target, targetDate, ownerName, ownerRole, action } = check.terms;
  const changed = await services.store.objectives.update(objective.organisationId, objective.id, { target, targetDate, ownerName, ownerRole, ownerUserId: owner.ownerUserId, action });
  if (!changed) return { ok: false, problems: [{ field: 'indicator', part: 'measure', message: 'This objective no longer exists' }] };
  const fields = (['target', 'targetDate', 'ownerName', 'ownerRole', 'ownerUserId', 'action'] as const)
    .filter((f) => JSON.stringify(objective[f]) !== JSON.stringify(changed[f]));
  await services.store.audit.record({
    userId, action: 'objective-changed', organisationId: objective.organisationId, subject: `objectives/${objective.id}`,
    details: { fields, ...(fields.includes('ownerUserId') ? { ownerUserId: { from: objective.ownerUserId, to: changed.ownerUserId } } : {}) },
  });
  return { ok: true, objective: changed };
}

export const REVIEW_NOTE_MAX = 4000;

export type ReviewResult = { readonly ok: true; readonly review: Review } | { readonly ok: false; readonly problems: readonly { field: string; message: string }[] };

/** Appends a dated review with its evidence note; audited with its status, never its words. */
export async function addReview(
  services: ObjectiveServices, objective: Objective, userId: number | null, form: { status?: string; note?: string },
): Promise<ReviewResult> {
  const problems: { field: string; message: string }[] = [];
  const status = REVIEW_STATUSES.find((s) => s.value === form.status)?.value;
  if (!status) problems.push({ field: 'status', message: 'Choose how the objective is going: on track, at risk, off track or complete' });
  const note = (form.note ?? '').trim();
  if (note === '') problems.push({ field: 'note', message: 'Enter the progress update and the evidence for it' });
  else if (note.length > REVIEW_NOTE_MAX) problems.push({ field: 'note', message: `The update must be ${REVIEW_NOTE_MAX} characters or fewer` });
  if (problems.length > 0 || !status) return { ok: false, problems };
  const review = await services.store.objectives.addReview({ objectiveId: objective.id, userId, status: status as ReviewStatus, note });
  await services.store.audit.record({ userId, action: 'objective-reviewed', organisationId: objective.organisationId, subject: `objectives/${objective.id}/reviews/${review.id}`, details: { status } });
  return { ok: true, review };
}

/** The objective's figures for every imported year from its baseline's on, and its progress. */
export async function progressOf(services: ObjectiveServices, objective: Objective): Promise<{ figures: readonly HeadlineFigure[]; progress: Progress }> {
  const measure = findMeasure(services.standards, objective.standard, objective.indicator);
  const years = (await services.store.organisations.years(objective.organisationId)).filter((y) => y > objective.baseline.year).sort((a, b) => a - b);
  const figures: HeadlineFigure[] = [];
  if (measure) {
    for (const year of years) {
      const figure = await figureFor(services, measure, objective.organisationId, year, objective.scope);
      if (figure.ok) figures.push(figure.figure);
    }
  }
  return { figures, progress: progress(objective.baseline, objective.target, objective.targetDate, figures) };
}

/** An objective as the API and the CSV give it: its terms, baseline with counts and interval, and progress. */
export function objectiveDocument(standards: StandardRegistry, objective: Objective, p: { figures: readonly HeadlineFigure[]; progress: Progress }, reviews: readonly Review[] | null) {
  return {
    id: objective.id,
    measure: { standard: objective.standard, indicator: objective.indicator, title: measureText(standards, objective) },
    scope: objective.scope,
    target: { ...objective.target, text: targetText(objective.target, objective.baseline.kind) },
    targetDate: objective.targetDate,
    owner: { name: objective.ownerName, role: objective.ownerRole, userId: objective.ownerUserId },
    action: objective.action === null ? null : highImpactAction(objective.action),
    baseline: objective.baseline,
    progress: { status: p.progress.status, sentence: p.progress.sentence, latest: p.progress.latest, change: p.progress.change, trajectory: p.progress.trajectory },
    figures: p.figures,
    createdAt: objective.createdAt.toISOString(),
    updatedAt: objective.updatedAt.toISOString(),
    ...(reviews ? { reviews: reviews.map((r) => ({ id: r.id, at: r.at.toISOString(), by: r.by, status: r.status, note: r.note })) } : {}),
  };
}

export const OBJECTIVE_CSV_HEADER = [
  'id', 'standard', 'indicator', 'scope', 'target_kind', 'target_value', 'target_date', 'owner_name', 'owner_role', 'high_impact_action',
  'baseline_year', 'baseline_value', 'baseline_ci95_low', 'baseline_ci95_high', 'baseline_group_1', 'baseline_events_1', 'baseline_population_1',
  'baseline_group_2', 'baseline_events_2', 'baseline_population_2', 'baseline_small_numbers',
  'latest_year', 'latest_value', 'latest_ci95_low', 'latest_ci95_high', 'change_since_baseline', 'change_beyond_chance', 'status',
] as const;

export function objectiveCsvRow(objective: Objective, p: Progress): (string | number | boolean | null)[] {
  const b = objective.baseline;
  const [g1, g2] = b.counts;
  const l = p.latest;
  return [
    objective.id, objective.standard, objective.indicator, objective.scope, objective.target.kind, objective.target.kind === 'value' ? objective.target.value : null,
    objective.targetDate, objective.ownerName, objective.ownerRole, objective.action,
    b.year, b.value, b.ci95?.[0] ?? null, b.ci95?.[1] ?? null, g1?.group ?? null, g1?.events ?? null, g1?.population ?? null,
    g2?.group ?? null, g2?.events ?? null, g2?.population ?? null, b.smallNumbers,
    l?.year ?? null, l?.value ?? null, l?.ci95?.[0] ?? null, l?.ci95?.[1] ?? null, p.change?.difference ?? null, p.change?.beyondChance ?? null, p.status,
  ];
}

/** The members an objective or intervention can be assigned to, for a form's choice ("Nobody" first). */
export async function ownerChoices(services: Pick<ObjectiveServices, 'store'>, organisationId: number, selected: string): Promise<{ value: string; text: string; selected: boolean }[]> {
  const roleText = (m: OwnerChoice) => (m.role === 'owner' ? 'owner' : 'analyst');
  return [{ value: '', text: 'Nobody' }, ...(await assignableOwners(services.store, organisationId)).map((m) => ({ value: String(m.userId), text: `${m.displayName} (${roleText(m)})` }))]
    .map((c) => ({ ...c, selected: c.value === selected }));
}

/** The name of the member a record is assigned to, or null. */
export async function assignedName(services: Pick<ObjectiveServices, 'store'>, ownerUserId: number | null): Promise<string | null> {
  return ownerUserId === null ? null : ((await services.store.users.byId(ownerUserId))?.displayName ?? null);
}

export const FORM_CHOICES = { ownerRoles: OWNER_ROLES, actions: HIGH_IMPACT_ACTIONS, reviewStatuses: REVIEW_STATUSES };
