/**
 * What the store keeps of objectives, their reviews, and comply-or-explain rules and cases (migration 0008). The
 * terms and the baseline are the core's (core/act); the store adds who made them and when.
 */
import type { HeadlineFigure } from '../core/act/headline.ts';
import type { HighImpactActionId } from '../core/act/high-impact-actions.ts';
import type { ObjectiveTerms, OwnerRole, Target } from '../core/act/objectives.ts';

export interface NewObjective extends ObjectiveTerms {
  readonly organisationId: number;
  readonly baseline: HeadlineFigure;
  /** The member the objective is assigned to, who may add its reviews; null when none is. */
  readonly ownerUserId: number | null;
  readonly createdBy: number | null;
}

export interface Objective {
  readonly id: number;
  readonly organisationId: number;
  readonly standard: string;
  readonly indicator: string;
  /** The scope's key: "organisation", "directorate:Surgery", "staff-group:…", "medical". */
  readonly scope: string;
  readonly target: Target;
  readonly targetDate: string;
  readonly ownerName: string;
  readonly ownerRole: OwnerRole;
  /** The member the objective is assigned to, who may add its reviews; null when none is. */
  readonly ownerUserId: number | null;
  readonly action: HighImpactActionId | null;
  /** The figure when the objective was made; it never changes. */
  readonly baseline: HeadlineFigure;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What an edit may change: the target, its date, the owner and the action; never the measure or its baseline. */
export type ObjectiveChanges = Pick<ObjectiveTerms, 'target' | 'targetDate' | 'ownerName' | 'ownerRole' | 'action'> & { readonly ownerUserId: number | null };

export type ReviewStatus = 'on-track' | 'at-risk' | 'off-track' | 'complete';
export const REVIEW_STATUSES: readonly { readonly value: ReviewStatus; readonly text: string }[] = [
  { value: 'on-track', text: 'On track' },
  { value: 'at-risk', text: 'At risk' },
  { value: 'off-track', text: 'Off track' },
  { value: 'complete', text: 'Complete' },
];

export interface NewReview {
  readonly objectiveId: number;
  readonly userId: number | null;
  readonly status: ReviewStatus;
  /** The progress update and its evidence, as plain text. */
  readonly note: string;
}

export interface Review extends NewReview {
  readonly id: number;
  readonly at: Date;
  /** The reviewer's name, when their account still exists. */
  readonly by: string | null;
}

export interface NewComplyRule {
  readonly organisationId: number;
  readonly title: string;
  readonly description: string;
  readonly createdBy: number | null;
}

export interface ComplyRule extends NewComplyRule {
  readonly id: number;
  readonly createdAt: Date;
}

/** One case under a rule: no staff identifier and no equality data about the person concerned, by design. */
export interface NewComplyCase {
  readonly ruleId: number;
  /** "2026-11". */
  readonly month: string;
  readonly complied: boolean;
  /** Required where the rule was not complied with. */
  readonly explanation: string | null;
  readonly recordedBy: number | null;
}

export interface ComplyCase extends NewComplyCase {
  readonly id: number;
  readonly recordedAt: Date;
}

export interface ObjectivesStore {
  create(objective: NewObjective): Promise<Objective>;
  /** The organisation's objective, or null (another organisation's is never returned). */
  byId(organisationId: number, id: number): Promise<Objective | null>;
  /** Oldest first. */
  list(organisationId: number): Promise<readonly Objective[]>;
  update(organisationId: number, id: number, changes: ObjectiveChanges): Promise<Objective | null>;
  /** Appends a review; reviews are never changed or removed. */
  addReview(review: NewReview): Promise<Review>;
  /** Oldest first. */
  reviews(objectiveId: number): Promise<readonly Review[]>;
}

export interface ComplyOrExplainStore {
  createRule(rule: NewComplyRule): Promise<ComplyRule>;
  rules(organisationId: number): Promise<readonly ComplyRule[]>;
  rule(organisationId: number, id: number): Promise<ComplyRule | null>;
  recordCase(entry: NewComplyCase): Promise<ComplyCase>;
  /** By month, then as recorded. */
  cases(ruleId: number): Promise<readonly ComplyCase[]>;
}
