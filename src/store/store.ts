/**
 * The store's contract: what the rest of Mirror may ask of persistence. One implementation over Kysely serves
 * SQLite (embedded default) and PostgreSQL (when DATABASE_URL is set). Nothing outside src/store touches SQL.
 *
 * Rules every implementation keeps:
 * - raw staff identifiers are never stored: records carry a keyed HMAC pseudonym made at import;
 * - an import is written in one transaction, or not at all;
 * - counts are stored so that pages never recompute from records;
 * - every read of equality data that reaches a person is audited by the caller (services), not here.
 */
import type { SourceFile, SourceKind } from '../core/records.ts';
import type { ReportingPeriod } from '../core/wres/reporting-period.ts';
import type { EdsStore, HighImpactActionsStore } from './eds-types.ts';
import type { FilledImport, RecordCopier, RecordsToWrite, StoredRecords } from './import-types.ts';

export type { FilledImport, RecordCopier, RecordKind, RecordList, RecordsToWrite, StoredRecords } from './import-types.ts';
import type { InterventionsStore } from './intervention-types.ts';
import type { ComplyOrExplainStore, ObjectivesStore } from './objective-types.ts';
import type { PublicationsStore } from './publication-types.ts';
import type { InclusiveHrStore } from './inclusive-hr-types.ts';
import type { RegionFiguresStore } from './region-figures-types.ts';
import type { ReportingStore } from './reporting-types.ts';
import type { StaffNetworksStore } from './staff-network-types.ts';

/**
 * What a member may do in an organisation: an analyst imports and sees every figure, and creates and edits
 * objectives and interventions; a viewer reads; an owner reads as a viewer does and updates the objectives and
 * interventions assigned to them (reviews; status with a note), nothing else.
 */
export type Role = 'analyst' | 'viewer' | 'owner';
export const ROLES: readonly Role[] = ['analyst', 'viewer', 'owner'];

export interface Organisation {
  readonly id: number;
  /** ODS-style code, e.g. "RXX" or "SYN01"; unique. */
  readonly code: string;
  readonly name: string;
  readonly region: string | null;
  /** e.g. "Acute trust", "Mental health trust". */
  readonly type: string | null;
  /** True for the synthetic demonstration trust, which every page labels as synthetic. */
  readonly synthetic: boolean;
}

export interface NewOrganisation {
  readonly code: string;
  readonly name: string;
  readonly region?: string | null;
  readonly type?: string | null;
  readonly synthetic?: boolean;
}

/** One version of one organisation's reporting year: a whole folder of files imported together. */
/** A column mapping saved under a name for one kind of file, shared with every organisation (headings only). */
export interface NewMappingPreset {
  readonly name: string;
  readonly kind: SourceKind;
  readonly mapping: Readonly<Record<string, string>>;
  readonly organisationId: number | null;
  readonly createdBy: number | null;
}

export interface SavedMappingPreset extends NewMappingPreset {
  readonly id: number;
  readonly createdAt: Date;
}

export interface ImportVersion {
  readonly id: number;
  readonly organisationId: number;
  readonly year: number;
  /** 1 for the first import of that year, then 2, 3 … ; only the latest is current. */
  readonly version: number;
  readonly current: boolean;
  readonly importedAt: Date;
  /** User id, or null for imports by the command line or the demonstration loader. */
  readonly importedBy: number | null;
  /** "web", "cli" or "demo". */
  readonly channel: string;
  readonly sources: readonly SourceFile[];
  readonly notes: readonly string[];
  /**
   * Which fields its records keep: RECORDS_FORMAT (every field a standard counts, so the year can be counted again
   * for a scope) since migration 0008; 0 for imports made before it.
   */
  readonly recordsFormat: number;
}

/** The records format of imports made now: their records hold every field a standard counts. */
export const RECORDS_FORMAT = 1;

/** What a scope can be in a version's staff records: the directorates and staff groups there are. */
export interface StaffScopes {
  readonly directorates: readonly string[];
  readonly staffGroups: readonly string[];
}

/**
 * An import meant to add a new organisation found its code already taken. Nothing was written: an import never takes
 * over, renames or grants access to an organisation that exists.
 */
export class OrganisationExistsError extends Error {
  constructor(readonly code: string) {
    super(`An organisation with the code ${code} already exists. Choose it from the list, or ask an administrator for access.`);
    this.name = 'OrganisationExistsError';
  }
}

export interface NewImport {
  readonly organisation: NewOrganisation;
  /**
   * True when the importer means to add a new organisation (an administrator's "A new organisation"): the import is
   * refused with OrganisationExistsError if the code is taken, even by an import finishing at the same moment.
   */
  readonly newOrganisation?: boolean;
  readonly year: number;
  readonly importedBy: number | null;
  readonly channel: 'web' | 'cli' | 'demo';
  readonly sources: readonly SourceFile[];
  readonly notes: readonly string[];
  readonly records: RecordsToWrite;
  /** Each registered standard's counts by its id ("wres", "wdes", "medical", "paygap"), as its count() made them. */
  readonly standardCounts: Readonly<Record<string, unknown>>;
}

/** What an import written as it is read says of itself before its files are read (imports.createStreamed). */
export type NewImportHead = Pick<NewImport, 'organisation' | 'newOrganisation' | 'year' | 'importedBy' | 'channel'>;

/** One month's recruitment counts, from application records (`imports.monthlyAppointments`). */
export interface MonthlyAppointments {
  /** Calendar month, YYYY-MM. */
  readonly month: string;
  readonly white: { readonly shortlisted: number; readonly appointed: number };
  readonly ethnicMinority: { readonly shortlisted: number; readonly appointed: number };
}

/** The person-event records that have a monthly series. */
export type MonthlyEventKind = 'disciplinary' | 'training' | 'capability';

/** The characteristic a monthly count is kept by: ethnic codes, or disability answers (yes, no, notDeclared, missing). */
export type MonthlyCharacteristic = 'ethnicity' | 'disability';

/** One month's applications by recorded category (`imports.monthlyAppointmentsBy`). */
export interface MonthlyAppointmentsByCategory {
  /** Calendar month, YYYY-MM. */
  readonly month: string;
  readonly categories: Readonly<Record<string, { readonly shortlisted: number; readonly appointed: number }>>;
}

/** People with their first event of the period in one month, by recorded category (`imports.monthlyFirstEventsBy`). */
export interface MonthlyPeopleByCategory {
  /** Calendar month, YYYY-MM. */
  readonly month: string;
  readonly categories: Readonly<Record<string, number>>;
}

/** People with their first event of the period in one month (`imports.monthlyFirstEvents`). */
export interface MonthlyPeople {
  /** Calendar month, YYYY-MM. */
  readonly month: string;
  readonly white: number;
  readonly ethnicMinority: number;
}

export interface ImportWriteOptions {
  readonly onProgress?: (written: number, total: number) => void;
}

export interface User {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly administrator: boolean;
  /** False until the person has set a password (a first administrator signs in with a link first). */
  readonly hasPassword: boolean;
  readonly active: boolean;
  readonly createdAt: Date;
}

export interface Membership {
  readonly organisation: Organisation;
  readonly role: Role;
}

export interface Session {
  readonly id: number;
  readonly userId: number;
  readonly expiresAt: Date;
  /** Secret for this session's CSRF tokens. */
  readonly csrfSecret: string;
}

/** A live session with its person (active or not) and their memberships, as every signed-in request needs them. */
export interface SignedIn {
  readonly session: Session;
  readonly user: User;
  /** As users.memberships gives them: by organisation name. */
  readonly memberships: readonly Membership[];
}

/** A token for the read API, as listed to its person: never the token itself, which only its hash stands for. */
export interface ApiToken {
  readonly id: number;
  readonly userId: number;
  /** The organisation whose figures it reads; null for a token made before tokens had one (every organisation). */
  readonly organisation: Organisation | null;
  readonly name: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface NewApiToken {
  readonly userId: number;
  readonly organisationId: number | null;
  readonly name: string;
  /** The SHA-256 hash of the token; the token itself is never stored. */
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly now: Date;
}

export type AuditAction =
  | 'sign-in' | 'sign-in-failed' | 'sign-out' | 'sign-in-link-created' | 'sign-in-link-used' | 'password-set'
  | 'import' | 'import-rejected' | 'view' | 'export' | 'api-read' | 'user-created' | 'membership-changed'
  | 'api-token-created' | 'api-token-revoked' | 'user-deactivated' | 'user-reactivated' | 'audit-viewed' | 'national-figure-saved' | 'national-figure-removed'
  | 'objective-created' | 'objective-changed' | 'objective-reviewed' | 'comply-rule-created' | 'comply-case-recorded'
  | 'intervention-created' | 'intervention-changed' | 'intervention-updated' | 'mapping-preset-saved'
  | 'publication-drafted' | 'publication-discarded' | 'publication-published'
  | 'eds-thresholds-chosen' | 'eds-evidence-added' | 'eds-evidence-removed' | 'eds-stakeholder-rated' | 'eds-rating-agreed'
  | 'action-metric-entered' | 'action-linked' | 'action-unlinked'
  | 'report-settings-saved' | 'report-handler-changed' | 'report-case-viewed' | 'report-case-changed' | 'report-message-sent'
  | 'report-note-added' | 'report-cases-deleted'
  | 'network-created' | 'network-changed' | 'network-input-recorded' | 'mentoring-programme-saved' | 'pulse-question-created'
  | 'inclusive-hr-step-marked' | 'inclusive-hr-reading-saved' | 'inclusive-hr-themes-saved' | 'inclusive-hr-note-added' | 'inclusive-hr-note-removed';

export interface AuditEvent {
  readonly id: number;
  readonly at: Date;
  readonly userId: number | null;
  readonly action: AuditAction;
  readonly organisationId: number | null;
  /** What was acted on, e.g. "wres/2025/indicator/2" or "import/17"; never personal data. */
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface NewAuditEvent {
  readonly userId: number | null;
  readonly action: AuditAction;
  readonly organisationId?: number | null;
  readonly subject: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The WRES indicators with a national relative likelihood an administrator can enter. */
export type NationalIndicator = '2' | '3' | '4';

/**
 * Events among people in one group, nationally: for indicator 2, appointed from shortlisting among those
 * shortlisted; for 3, entering the formal disciplinary process among the headcount; for 4, accessing
 * non-mandatory training among the headcount.
 */
export interface NationalCount {
  readonly events: number;
  readonly population: number;
}

/** The counts behind a national figure, and where they were published. Only counts are stored, never a ratio. */
export interface NewNationalFigure {
  readonly year: number;
  readonly indicator: NationalIndicator;
  readonly white: NationalCount;
  readonly ethnicMinority: NationalCount;
  /** The title or web address of the publication, as plain text. */
  readonly source: string;
  readonly enteredBy: number;
}

export interface NationalFigure extends Omit<NewNationalFigure, 'enteredBy'> {
  /** Null once the person who entered it no longer has an account. */
  readonly enteredBy: number | null;
  readonly enteredAt: Date;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  /** Runs every pending migration; called at start. Returns the names applied. */
  migrate(): Promise<readonly string[]>;
  close(): Promise<void>;

  organisations: {
    byId(id: number): Promise<Organisation | null>;
    byCode(code: string): Promise<Organisation | null>;
    all(): Promise<readonly Organisation[]>;
    /** Reporting years with a current import, newest first. */
    years(organisationId: number): Promise<readonly number[]>;
    /** The same for each of the organisations given, in one query: every id given has an entry (empty when none). */
    yearsOf(organisationIds: readonly number[]): Promise<ReadonlyMap<number, readonly number[]>>;
    /** Every organisation with no active member (nobody can see it), by name, in one query. */
    withoutMembers(): Promise<readonly Organisation[]>;
  };

  imports: {
    /**
     * Writes organisation (created; or, when it exists, its region, type and synthetic flag updated where given, but
     * never its name), a new version that becomes current, records and counts in one transaction: on any failure
     * nothing is written. With `newOrganisation`, an existing code is refused with OrganisationExistsError.
     * `onProgress` is told how many records have been written, for a progress bar.
     */
    create(newImport: NewImport, options?: ImportWriteOptions): Promise<ImportVersion>;
    /** True when an import can be written as its files are read (createStreamed): PostgreSQL, with COPY. */
    readonly copiesRecords: boolean;
    /**
     * As create, but the records are written as they are read: the new version's id is given to `fill`, which copies
     * each kind's records in and returns what is known once every file is read and counted. One transaction: if
     * `fill` throws (a problem found in a file, say), nothing is written. Only where copiesRecords.
     */
    createStreamed(head: NewImportHead, fill: (importVersionId: number, copier: RecordCopier) => Promise<FilledImport>, options?: ImportWriteOptions): Promise<ImportVersion>;
    current(organisationId: number, year: number): Promise<ImportVersion | null>;
    /** The current versions of several years (null where a year has none), in the order asked, in one query. */
    currentOfYears(organisationId: number, years: readonly number[]): Promise<(ImportVersion | null)[]>;
    /** Every current version of the organisation, newest year first, in one query (a report page's one read of them). */
    currentOfOrganisation(organisationId: number): Promise<readonly ImportVersion[]>;
    /**
     * Every organisation's current version ids of the years asked, by organisation id then year, in one query (for
     * comparisons among peers, which would otherwise ask once for each organisation and year).
     */
    currentIdsOfAll(years: readonly number[]): Promise<ReadonlyMap<number, ReadonlyMap<number, number>>>;
    history(organisationId: number, year: number): Promise<readonly ImportVersion[]>;
    /** A standard's stored counts for a version (current or not), parsed from JSON, or null when it has none. */
    standardCountsOf(importVersionId: number, standard: string): Promise<unknown>;
    /**
     * Every pseudonymised record of a version, in the order imported. Fields a version's records format does not
     * keep read as null or false: check `recordsFormat` before counting from them.
     */
    records(importVersionId: number): Promise<StoredRecords>;
    /** The directorates (blank ones left out) and staff groups of a version's staff records, sorted. */
    staffScopes(importVersionId: number): Promise<StaffScopes>;
    /**
     * Shortlisted applications, and those of them appointed (as WRES indicator 2 counts), per calendar month (YYYY-MM)
     * of the application date, for White (codes A, B, C) and ethnic minority (codes D to S) applicants, in month
     * order. Rows without a date, dated outside the period, or with other codes (Z, 99, blank) are left out; months
     * with no such rows are absent.
     */
    monthlyAppointments(importVersionId: number, period: ReportingPeriod): Promise<readonly MonthlyAppointments[]>;
    /**
     * People entering the formal disciplinary process, or starting non-mandatory training, per calendar month of
     * their FIRST such event in the period, for White and ethnic minority people, in month order; so the months add
     * up to WRES indicator 3's or 4's numerators. As the annual count does: bank-only staff are left out, a row
     * without an ethnic code takes the person's code from the staff records, and mandatory training does not count.
     * Months with nobody are absent.
     */
    monthlyFirstEvents(importVersionId: number, kind: MonthlyEventKind, period: ReportingPeriod): Promise<readonly MonthlyPeople[]>;
    /**
     * Shortlisted and appointed applications per calendar month of the application date and per recorded category
     * of the characteristic (ethnic code, or disability answer), in month order; every category is given, unknown
     * ones included, for the caller to roll up. Rows without a date or dated outside the period are left out.
     */
    monthlyAppointmentsBy(importVersionId: number, characteristic: MonthlyCharacteristic, period: ReportingPeriod): Promise<readonly MonthlyAppointmentsByCategory[]>;
    /**
     * People per calendar month of their FIRST event of the kind in the period, per recorded category of the
     * characteristic (the row's own where the file keeps it on event rows, else the staff record's), in month order;
     * so the months add up to the annual numerators (WRES 3 and 4, WDES 3). Bank-only staff are left out and
     * mandatory training does not count, as in the annual counts.
     */
    monthlyFirstEventsBy(importVersionId: number, kind: MonthlyEventKind, characteristic: MonthlyCharacteristic, period: ReportingPeriod): Promise<readonly MonthlyPeopleByCategory[]>;
    /** How many event records of the kind a version keeps (imports made before capability records were kept have none). */
    eventRecordCount(importVersionId: number, kind: MonthlyEventKind): Promise<number>;
  };

  columnMappings: {
    /** Saved header → canonical column mapping for an organisation and file kind. */
    get(organisationId: number, kind: SourceKind): Promise<Readonly<Record<string, string>> | null>;
    save(organisationId: number, kind: SourceKind, mapping: Readonly<Record<string, string>>): Promise<void>;
    /** Every saved mapping preset, by name then kind: any organisation's import may use them. */
    presets(): Promise<readonly SavedMappingPreset[]>;
    /** Saves a preset; false, saving nothing, when the name is already used for that kind of file. */
    savePreset(preset: NewMappingPreset): Promise<boolean>;
  };

  users: {
    count(): Promise<number>;
    /**
     * Emails are kept trimmed and in lower case, and looked up the same way, so "A@x.nhs.uk" and "a@x.nhs.uk" are
     * one person. Throws if the email is already taken: check byEmail first.
     */
    create(user: { email: string; displayName: string; administrator: boolean }): Promise<User>;
    byId(id: number): Promise<User | null>;
    byEmail(email: string): Promise<User | null>;
    all(): Promise<readonly User[]>;
    passwordHash(id: number): Promise<string | null>;
    setPasswordHash(id: number, hash: string): Promise<void>;
    /** An inactive person cannot sign in, and is signed out wherever they are. */
    setActive(id: number, active: boolean): Promise<void>;
    memberships(userId: number): Promise<readonly Membership[]>;
    setMembership(userId: number, organisationId: number, role: Role | null): Promise<void>;
    /** The organisation's members whose accounts are active, by name: whom an objective or intervention can be assigned to. */
    members(organisationId: number): Promise<readonly { readonly userId: number; readonly displayName: string; readonly role: Role }[]>;
  };

  /** One-time sign-in links: only a hash of the token is kept. */
  signInLinks: {
    create(tokenHash: string, expiresAt: Date, userId: number | null): Promise<void>;
    /** Marks the link used and returns it, or null if unknown, used or expired. Atomic: a link works once. */
    consume(tokenHash: string, now: Date): Promise<{ userId: number | null } | null>;
  };

  sessions: {
    create(tokenHash: string, userId: number, expiresAt: Date, csrfSecret: string): Promise<Session>;
    byTokenHash(tokenHash: string, now: Date): Promise<Session | null>;
    /** The live session, its person and their memberships in one query (for every request); null when none. */
    signedIn(tokenHash: string, now: Date): Promise<SignedIn | null>;
    delete(tokenHash: string): Promise<void>;
    deleteForUser(userId: number): Promise<void>;
  };

  /** Tokens for the read API: only a hash of each is kept. A token works until it expires or is revoked. */
  apiTokens: {
    create(token: NewApiToken): Promise<ApiToken>;
    byId(id: number): Promise<ApiToken | null>;
    /** The live token's person and organisation, recording its use; null for an unknown, expired or revoked one. */
    use(tokenHash: string, now: Date): Promise<{ tokenId: number; userId: number; organisationId: number | null } | null>;
    /** The person's tokens that work at `now` (neither expired nor revoked), newest first. */
    live(userId: number, now: Date): Promise<readonly ApiToken[]>;
    /** Revokes the token if it still works and returns it revoked; null when unknown, expired or already revoked. */
    revoke(id: number, now: Date): Promise<ApiToken | null>;
    /**
     * Revokes every live token of the person, or, with `organisationId`, those that can read that organisation (its
     * own and any for every organisation). Returns how many were revoked.
     */
    revokeForUser(userId: number, now: Date, options?: { organisationId: number }): Promise<number>;
  };

  /** National WRES figures, one per reporting year and indicator (2, 3 or 4). */
  nationalFigures: {
    /** The figures for one reporting year, by indicator. */
    forYear(year: number): Promise<readonly NationalFigure[]>;
    /** Every figure, newest year first, then by indicator. */
    all(): Promise<readonly NationalFigure[]>;
    /**
     * Saves the figure, replacing any for the same year and indicator, in one transaction. Returns the figure
     * saved and the one it replaced (null when there was none), so the replacement can be audited.
     */
    upsert(figure: NewNationalFigure): Promise<{ saved: NationalFigure; replaced: NationalFigure | null }>;
    /** Removes the figure for a year and indicator; returns it, or null when there was none. */
    remove(year: number, indicator: NationalIndicator): Promise<NationalFigure | null>;
  };

  /** Objectives and their append-only reviews (issue 11). */
  objectives: ObjectivesStore;
  /** An organisation's comply-or-explain rules and their cases. */
  complyOrExplain: ComplyOrExplainStore;
  /** Interventions under objectives, with their status history. */
  interventions: InterventionsStore;
  /** Drafts and published versions of an organisation's year (issue 13); a published version never changes. */
  publications: PublicationsStore;
  /** EDS 2022: evidence, stakeholder and agreed ratings, and the threshold set (issue 14). */
  eds: EdsStore;
  /** The high-impact actions' entered figures and their links to objectives and interventions (issue 14). */
  highImpactActions: HighImpactActionsStore;
  /** Reports of racism and discrimination, sealed, and who handles them (issue 12). */
  reporting: ReportingStore;
  /** Staff networks: their chair and sponsor, input on objectives and interventions, mentoring, pulse tallies (issue 12). */
  staffNetworks: StaffNetworksStore;
  /** The #InclusiveHR five-step challenge per directorate: progress, the team's reading, themes, listening notes (issue 14). */
  inclusiveHr: InclusiveHrStore;
  /** The regional view's headline figures of each import, as they may leave (issue 15 item 6). */
  regionFigures: RegionFiguresStore;

  audit: {
    record(event: NewAuditEvent): Promise<void>;
    /** Newest first. */
    list(options: { limit: number; offset: number }): Promise<readonly AuditEvent[]>;
  };
}
