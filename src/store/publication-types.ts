/**
 * What the store keeps of publications (migration 0013): an organisation's year as a draft, then as numbered
 * published versions. The snapshot is opaque JSON to the store (core/publish/report.ts gives its shape). A published
 * version is never changed: the store offers no way to, and publishing touches only a draft.
 */

export type PublicationStatus = 'draft' | 'published';

export interface Publication {
  readonly id: number;
  readonly organisationId: number;
  readonly year: number;
  readonly status: PublicationStatus;
  /** 1, 2, …; null while a draft. */
  readonly version: number | null;
  /** The report as published, parsed from JSON. */
  readonly snapshot: unknown;
  /** What changed and why, for a correction (a version after the first); null for a first version. */
  readonly correctionNote: string | null;
  readonly preparedBy: number | null;
  readonly preparedAt: Date;
  readonly approvedBy: number | null;
  readonly publishedAt: Date | null;
}

/** A published version without its snapshot, for lists. */
export type PublishedVersion = Omit<Publication, 'snapshot'>;

export interface NewDraft {
  readonly organisationId: number;
  readonly year: number;
  readonly snapshot: unknown;
  readonly correctionNote: string | null;
  readonly preparedBy: number | null;
  readonly at: Date;
}

export interface PublicationsStore {
  /** Saves a draft of the year, replacing the year's earlier draft if there is one (a published version is untouched). */
  saveDraft(draft: NewDraft): Promise<Publication>;
  /** The year's draft, or null. */
  draft(organisationId: number, year: number): Promise<Publication | null>;
  /** Removes the year's draft; false when there was none. */
  discardDraft(organisationId: number, year: number): Promise<boolean>;
  /**
   * Publishes the draft with this id as the year's next version, in one transaction; null when the organisation has
   * no such draft (already published, discarded, or another organisation's).
   */
  publish(organisationId: number, draftId: number, approval: { readonly approvedBy: number | null; readonly at: Date }): Promise<Publication | null>;
  /** The organisation's published versions without snapshots, by year (newest first) then version (newest first). */
  versions(organisationId: number): Promise<readonly PublishedVersion[]>;
  /** A published version with its snapshot; `version` null for the year's latest. */
  version(organisationId: number, year: number, version: number | null): Promise<Publication | null>;
  /** Every organisation's latest published version of each year, with its snapshot, by organisation id then year. */
  latestEverywhere(): Promise<readonly Publication[]>;
}
