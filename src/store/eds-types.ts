/**
 * What the store keeps of EDS 2022 and the high-impact actions (migration 0014): the outcomes, ratings, threshold
 * sets and metrics are the core's (core/eds/, core/actions/); the store adds who changed what and when.
 */
import type { HighImpactActionId } from '../core/act/high-impact-actions.ts';
import type { EdsOutcomeId, EdsRating } from '../core/eds/outcomes.ts';
import type { ThresholdSetId } from '../core/eds/scoring.ts';

export type EvidenceKind = 'figure' | 'document';

export interface NewEdsEvidence {
  readonly organisationId: number;
  readonly year: number;
  readonly outcome: EdsOutcomeId;
  /** A figure is a path in Mirror ("/organisations/RXX/2025/indicators/2"); a document a title and an http(s) link. */
  readonly kind: EvidenceKind;
  readonly title: string;
  readonly href: string;
  readonly createdBy: number | null;
}

export interface EdsEvidence extends NewEdsEvidence {
  readonly id: number;
  readonly createdAt: Date;
}

export interface StakeholderRating {
  readonly outcome: EdsOutcomeId;
  readonly group: string;
  readonly rating: EdsRating;
  readonly updatedAt: Date;
}

export interface AgreedRating {
  readonly year: number;
  readonly outcome: EdsOutcomeId;
  readonly rating: EdsRating;
  /** The department or lead who owns the outcome, as the national template's "Owner (Dept/Lead)". */
  readonly owner: string;
  readonly updatedAt: Date;
}

export interface EdsStore {
  /** The organisation's threshold set, or null when it has not chosen one (the default applies). */
  thresholds(organisationId: number): Promise<ThresholdSetId | null>;
  setThresholds(organisationId: number, thresholds: ThresholdSetId, userId: number | null): Promise<void>;
  /** The year's evidence, by outcome then oldest first. */
  evidence(organisationId: number, year: number): Promise<readonly EdsEvidence[]>;
  addEvidence(evidence: NewEdsEvidence): Promise<EdsEvidence>;
  /** Removes one of the organisation's evidence; returns it, or null when there is no such evidence. */
  removeEvidence(organisationId: number, id: number): Promise<EdsEvidence | null>;
  /** The year's stakeholder ratings, by outcome then group. */
  stakeholderRatings(organisationId: number, year: number): Promise<readonly StakeholderRating[]>;
  /** Saves a group's rating of an outcome, replacing the group's earlier one; returns the replaced rating, if any. */
  rateAsStakeholder(organisationId: number, year: number, rating: { outcome: EdsOutcomeId; group: string; rating: EdsRating }, userId: number | null): Promise<EdsRating | null>;
  /** Every agreed rating of the organisation, every year, by year then outcome. */
  agreedRatings(organisationId: number): Promise<readonly AgreedRating[]>;
  /** Saves the agreed rating of an outcome, replacing any; returns the replaced rating, if any. */
  agree(organisationId: number, year: number, rating: { outcome: EdsOutcomeId; rating: EdsRating; owner: string }, userId: number | null): Promise<EdsRating | null>;
}

export interface MetricEntry {
  readonly metric: string;
  readonly year: number;
  /** The figure as the source gives it: "7.1", "68%". */
  readonly value: string;
  readonly source: string;
  readonly sourceYear: number;
  readonly updatedBy: number | null;
  readonly updatedAt: Date;
}

export interface ActionLink {
  readonly id: number;
  readonly action: HighImpactActionId;
  /** Exactly one of the two is set. */
  readonly objectiveId: number | null;
  readonly interventionId: number | null;
}

export interface HighImpactActionsStore {
  /** The year's entered figures, by metric. */
  entries(organisationId: number, year: number): Promise<readonly MetricEntry[]>;
  /** Saves a metric's figure for the year, replacing any; returns the replaced entry, if any. */
  enter(organisationId: number, entry: Omit<MetricEntry, 'updatedAt'>): Promise<MetricEntry | null>;
  links(organisationId: number): Promise<readonly ActionLink[]>;
  /** Links an objective or intervention (which must be the organisation's) to an action; null when it is not, or is already linked. */
  link(organisationId: number, link: Omit<ActionLink, 'id'>, userId: number | null): Promise<ActionLink | null>;
  /** Removes a link; returns it, or null when the organisation has no such link. */
  unlink(organisationId: number, id: number): Promise<ActionLink | null>;
}
