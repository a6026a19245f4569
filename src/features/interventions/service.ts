/**
 * The interventions feature's use-cases, with no HTTP: the catalogue offered for an objective (entries aimed at its
 * indicator first), adding and changing an intervention (checked by the core, audited, with its status history kept
 * by the store), and an intervention as the JSON API and the CSV download give it.
 */
import { catalogueIntervention, INTERVENTION_CATALOGUE, interventionsTargeting } from '../../core/act/interventions/catalogue.ts';
import { checkIntervention, INTERVENTION_STATUSES, type InterventionInput, type InterventionProblem, statusText } from '../../core/act/interventions/plan.ts';
import type { CatalogueIntervention } from '../../core/act/interventions/types.ts';
import type { Intervention, StatusChange } from '../../store/intervention-types.ts';
import type { Objective } from '../../store/objective-types.ts';
import { checkOwnerUser } from '../../services/owners.ts';
import type { Store } from '../../store/store.ts';

export interface CatalogueChoices {
  /** Entries aimed at the objective's indicator, directly or by inference. */
  readonly targeting: readonly CatalogueIntervention[];
  /** Every other entry. */
  readonly others: readonly CatalogueIntervention[];
}

export function catalogueChoices(objective: Pick<Objective, 'standard' | 'indicator'>): CatalogueChoices {
  const targeting = interventionsTargeting(objective.standard, objective.indicator);
  const ids = new Set(targeting.map((t) => t.id));
  return { targeting, others: INTERVENTION_CATALOGUE.filter((entry) => !ids.has(entry.id)) };
}

/** The intervention's name: the catalogue entry's, or the team's own. */
export function interventionName(intervention: Pick<Intervention, 'catalogueId' | 'own'>): string {
  if (intervention.catalogueId !== null) return catalogueIntervention(intervention.catalogueId)?.name ?? intervention.catalogueId;
  return intervention.own?.name ?? '';
}

export type FormProblem = InterventionProblem | { readonly field: 'ownerUser' | 'note'; readonly message: string };

export type Saved = { readonly ok: true; readonly intervention: Intervention } | { readonly ok: false; readonly problems: readonly FormProblem[] };

interface Actor {
  readonly organisationId: number;
  readonly userId: number | null;
}

/** The core's problems and the assigned owner's together, so the form names every one at once. */
async function withOwner(store: Store, organisationId: number, ownerUser: string | number | null | undefined, problems: readonly InterventionProblem[]) {
  const owner = await checkOwnerUser(store, organisationId, ownerUser);
  const all: FormProblem[] = [...problems];
  if (!owner.ok) all.push(owner.problem);
  return { ownerUserId: owner.ok ? owner.userId : null, problems: all };
}

/** Adds an intervention to an objective; `ownerUser` is the id of the member it is assigned to (empty for nobody). */
export async function createIntervention(store: Store, actor: Actor, objective: Objective, input: InterventionInput, ownerUser: string | number | null = null): Promise<Saved> {
  const check = checkIntervention(input);
  const owner = await withOwner(store, actor.organisationId, ownerUser, check.ok ? [] : check.problems);
  if (!check.ok || owner.problems.length > 0) return { ok: false, problems: owner.problems };
  const intervention = await store.interventions.create({ ...check.terms, objectiveId: objective.id, ownerUserId: owner.ownerUserId, createdBy: actor.userId });
  await store.audit.record({
    userId: actor.userId, action: 'intervention-created', organisationId: actor.organisationId, subject: `interventions/${intervention.id}`,
    details: { objective: objective.id, catalogueId: intervention.catalogueId, status: intervention.status, ownerUserId: intervention.ownerUserId },
  });
  return { ok: true, intervention };
}

/** Changes an intervention; whether it came from the catalogue cannot change (the source given must match). */
export async function editIntervention(store: Store, actor: Actor, intervention: Intervention, input: InterventionInput, ownerUser: string | number | null = null): Promise<Saved> {
  const source = intervention.catalogueId ?? 'own';
  const check = checkIntervention({ ...input, source });
  const owner = await withOwner(store, actor.organisationId, ownerUser, check.ok ? [] : check.problems);
  if (!check.ok || owner.problems.length > 0) return { ok: false, problems: owner.problems };
  const { catalogueId: _catalogueId, ...terms } = check.terms;
  const changes = { ...terms, ownerUserId: owner.ownerUserId };
  const saved = await store.interventions.update(actor.organisationId, intervention.id, changes, actor.userId);
  if (!saved) throw new Error(`intervention ${intervention.id} disappeared while it was being changed`);
  const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => JSON.stringify(changes[key]) !== JSON.stringify(intervention[key]));
  await store.audit.record({
    userId: actor.userId, action: 'intervention-changed', organisationId: actor.organisationId, subject: `interventions/${intervention.id}`,
    details: { changed, ...(changed.includes('status') ? { from: intervention.status, to: saved.status } : {}) },
  });
  return { ok: true, intervention: saved };
}

export const UPDATE_NOTE_MAX = 4000;

/**
 * An owner's update (or an analyst's): the status, the same or a new one, with a note of what has happened, appended
 * to the status history. Audited with the statuses, never the note's words.
 */
export async function recordUpdate(store: Store, actor: Actor, intervention: Intervention, form: { status?: string | undefined; note?: string | undefined }): Promise<Saved> {
  const problems: FormProblem[] = [];
  const status = INTERVENTION_STATUSES.find((s) => s.value === form.status)?.value;
  if (!status) problems.push({ field: 'status', message: 'Choose the status: planned, in progress, completed or stopped' });
  const note = (form.note ?? '').trim();
  if (note.length > UPDATE_NOTE_MAX) problems.push({ field: 'note', message: `The note must be ${UPDATE_NOTE_MAX} characters or fewer` });
  if (status === intervention.status && note === '') problems.push({ field: 'note', message: 'Enter a note of what has happened, or choose a new status' });
  if (problems.length > 0 || !status) return { ok: false, problems };
  const saved = await store.interventions.recordUpdate(actor.organisationId, intervention.id, { status, note: note === '' ? null : note }, actor.userId);
  if (!saved) throw new Error(`intervention ${intervention.id} disappeared while it was being updated`);
  await store.audit.record({
    userId: actor.userId, action: 'intervention-updated', organisationId: actor.organisationId, subject: `interventions/${intervention.id}`,
    details: { from: intervention.status, to: status, note: note !== '' },
  });
  return { ok: true, intervention: saved };
}

/** The form's values of a stored intervention, to fill the change form. */
export function formValues(intervention: Intervention): Record<string, string> {
  return {
    source: intervention.catalogueId ?? 'own', name: intervention.own?.name ?? '', description: intervention.own?.description ?? '',
    ownerName: intervention.ownerName, ownerRole: intervention.ownerRole, startDate: intervention.startDate ?? '', endDate: intervention.endDate ?? '',
    status: intervention.status, staffNetworks: intervention.staffNetworks.join('\n'), cost: intervention.cost === null ? '' : String(intervention.cost),
    shareEvaluation: intervention.shareEvaluation ? 'yes' : '', ownerUser: intervention.ownerUserId === null ? '' : String(intervention.ownerUserId),
  };
}

/** What the form posts, as the core's input. */
export function inputFromForm(values: Readonly<Record<string, string>>): InterventionInput {
  return {
    source: values['source'], name: values['name'], description: values['description'], ownerName: values['ownerName'], ownerRole: values['ownerRole'],
    startDate: values['startDate'], endDate: values['endDate'], status: values['status'], staffNetworks: values['staffNetworks'], cost: values['cost'],
    shareEvaluation: values['shareEvaluation'],
  };
}

/** What the API takes: the same fields as JSON; anything of the wrong type is treated as missing. */
export function inputFromJson(body: unknown): InterventionInput {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const str = (key: string) => (typeof b[key] === 'string' ? (b[key] as string) : undefined);
  const networks = b['staffNetworks'];
  return {
    source: str('catalogueId') ?? (b['catalogueId'] === null || str('name') !== undefined ? 'own' : undefined),
    name: str('name'), description: str('description'), ownerName: str('ownerName'), ownerRole: str('ownerRole'),
    startDate: str('startDate'), endDate: str('endDate'), status: str('status'),
    staffNetworks: Array.isArray(networks) ? networks.filter((n): n is string => typeof n === 'string') : undefined,
    cost: typeof b['cost'] === 'number' || typeof b['cost'] === 'string' ? (b['cost'] as number | string) : undefined,
    shareEvaluation: b['shareEvaluation'] === true,
  };
}

/** An intervention as the JSON API gives it. */
export function interventionJson(intervention: Intervention, history: readonly StatusChange[] | null = null) {
  return {
    id: intervention.id,
    objectiveId: intervention.objectiveId,
    catalogueId: intervention.catalogueId,
    name: interventionName(intervention),
    description: intervention.own?.description ?? catalogueIntervention(intervention.catalogueId ?? '')?.summary ?? null,
    ownerName: intervention.ownerName,
    ownerRole: intervention.ownerRole,
    ownerUserId: intervention.ownerUserId,
    startDate: intervention.startDate,
    endDate: intervention.endDate,
    status: intervention.status,
    staffNetworks: intervention.staffNetworks,
    cost: intervention.cost,
    shareEvaluation: intervention.shareEvaluation,
    createdAt: intervention.createdAt.toISOString(),
    updatedAt: intervention.updatedAt.toISOString(),
    ...(history ? { statusHistory: history.map((h) => ({ status: h.status, at: h.at.toISOString(), by: h.by, note: h.note })) } : {}),
  };
}

export const INTERVENTION_CSV_HEADER = [
  'id', 'objective_id', 'catalogue_id', 'name', 'owner_name', 'owner_role', 'start_date', 'end_date', 'status', 'staff_networks', 'cost_pounds', 'share_evaluation', 'updated_at',
] as const;

export function interventionCsvRow(i: Intervention): (string | number | null)[] {
  return [
    i.id, i.objectiveId, i.catalogueId ?? '', interventionName(i), i.ownerName, i.ownerRole, i.startDate ?? '', i.endDate ?? '', statusText(i.status),
    i.staffNetworks.join('; '), i.cost, i.shareEvaluation ? 'yes' : 'no', i.updatedAt.toISOString(),
  ];
}
