/**
 * What the store keeps of interventions (migration 0009): the terms are the core's (core/act/interventions/plan.ts);
 * the store adds the objective, who made and last changed it and when, and the history of its status.
 */
import type { InterventionStatus, InterventionTerms } from '../core/act/interventions/plan.ts';

export interface NewIntervention extends InterventionTerms {
  readonly objectiveId: number;
  /** The member the intervention is assigned to, who may update its status; null when none is. */
  readonly ownerUserId: number | null;
  readonly createdBy: number | null;
}

export interface Intervention extends InterventionTerms {
  readonly id: number;
  readonly objectiveId: number;
  /** The member the intervention is assigned to, who may update its status; null when none is. */
  readonly ownerUserId: number | null;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly updatedBy: number | null;
  readonly updatedAt: Date;
}

/** What an edit may change: everything but the objective and whether it came from the catalogue. */
export type InterventionChanges = Omit<InterventionTerms, 'catalogueId' | 'own'> & { readonly own: InterventionTerms['own']; readonly ownerUserId: number | null };

export interface StatusChange {
  readonly status: InterventionStatus;
  readonly at: Date;
  readonly userId: number | null;
  /** The name of whoever made the change, while their account exists. */
  readonly by: string | null;
  /** The update given with it, if any. */
  readonly note: string | null;
}

export interface InterventionsStore {
  /** Saves the intervention and its first status. */
  create(intervention: NewIntervention): Promise<Intervention>;
  /** The intervention under one of the organisation's objectives, or null (another organisation's is never returned). */
  byId(organisationId: number, id: number): Promise<Intervention | null>;
  /** Under one objective, oldest first. */
  forObjective(objectiveId: number): Promise<readonly Intervention[]>;
  /** Every intervention under the organisation's objectives, oldest first. */
  list(organisationId: number): Promise<readonly Intervention[]>;
  /** The organisation's interventions whose evaluation is marked for sharing (the published report, the open data). */
  shared(organisationId: number): Promise<readonly Intervention[]>;
  /** Changes the terms; a changed status is appended to the history in the same transaction. */
  update(organisationId: number, id: number, changes: InterventionChanges, userId: number | null): Promise<Intervention | null>;
  /**
   * An owner's update: the status (the same or a new one) with an optional note, appended to the history; nothing
   * else changes. Null when the organisation has no such intervention.
   */
  recordUpdate(organisationId: number, id: number, update: { readonly status: InterventionStatus; readonly note: string | null }, userId: number | null): Promise<Intervention | null>;
  /** Oldest first; the first is the status it was created with. */
  statusHistory(interventionId: number): Promise<readonly StatusChange[]>;
}
