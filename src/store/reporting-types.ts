/**
 * What the store keeps of reports of racism and discrimination (migration 0012). Content, contact details and
 * messages arrive here already sealed (encrypted by services/report-sealing.ts) and leave sealed: the store never
 * sees them in the clear and never holds the key. Dates are days ("YYYY-MM-DD"); nothing records a time of day.
 */
import type { CaseStatus, ClosingOutcome, ListEntry, ReportingRoute, WantedOutcome } from '../core/reporting/cases.ts';
import type { TrendCount } from '../core/reporting/trends.ts';

/** An organisation as the reporting store returns it (the same fields as store.ts's Organisation). */
export interface ReportingOrganisation {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly region: string | null;
  readonly type: string | null;
  readonly synthetic: boolean;
}

export interface ReportSettings {
  readonly categories: readonly ListEntry[];
  readonly directorates: readonly ListEntry[];
  readonly handlerRoles: readonly ListEntry[];
  /** Category key → handler role key. */
  readonly routing: Readonly<Record<string, string>>;
  readonly retentionMonths: number;
}

export interface NewReportCase {
  readonly organisationId: number;
  readonly receiptHash: string;
  readonly route: ReportingRoute;
  readonly category: string;
  readonly directorate: string | null;
  readonly wanted: WantedOutcome;
  /** Sealed. */
  readonly content: string;
  /** Sealed; null for an anonymous report. */
  readonly contact: string | null;
  readonly handlerRole: string | null;
  readonly receivedOn: string;
}

export interface StoredReportCase extends Omit<NewReportCase, 'receiptHash'> {
  readonly id: number;
  readonly assignedUserId: number | null;
  readonly status: CaseStatus;
  readonly closingOutcome: ClosingOutcome | null;
  readonly closedOn: string | null;
  /** True when the reporter wrote last (or nobody has answered yet). */
  readonly awaitingHandler: boolean;
}

export type MessageKind = 'reporter' | 'handler' | 'note';

export interface StoredReportMessage {
  readonly sequence: number;
  readonly kind: MessageKind;
  /** Sealed. */
  readonly body: string;
  readonly authorUserId: number | null;
  /** The author's name while their account exists (handlers' messages and notes only). */
  readonly authorName: string | null;
  readonly writtenOn: string;
}

export interface ReportHandler {
  readonly roleKey: string;
  readonly userId: number;
  readonly displayName: string;
  readonly email: string;
}

export interface CaseChanges {
  /** Only ever from anonymous to confidential, with a contact: a disclosed identity is never withdrawn. */
  readonly route?: ReportingRoute;
  /** Sealed. */
  readonly contact?: string;
  readonly status?: CaseStatus;
  readonly closingOutcome?: ClosingOutcome | null;
  readonly closedOn?: string | null;
  readonly handlerRole?: string | null;
  readonly assignedUserId?: number | null;
}

export interface ReportingStore {
  /** The organisation's settings, or null while an administrator has saved none (the defaults apply). */
  settings(organisationId: number): Promise<ReportSettings | null>;
  saveSettings(organisationId: number, settings: ReportSettings): Promise<void>;
  /** Who holds which handler role in the organisation, by role then name; inactive accounts left out. */
  handlers(organisationId: number): Promise<readonly ReportHandler[]>;
  /** Gives (`holds` true) or takes away a handler role. */
  setHandler(organisationId: number, roleKey: string, userId: number, holds: boolean): Promise<void>;
  /** The organisations where the person holds a handler role, with the roles. */
  handlerOrganisations(userId: number): Promise<readonly { readonly organisation: ReportingOrganisation; readonly roles: readonly string[] }[]>;

  /** Saves the case and counts it for the trends (month, category, directorate), in one transaction. */
  createCase(reportCase: NewReportCase): Promise<number>;
  /**
   * Reports received in the months from `fromMonth` to `toMonth` (YYYY-MM, inclusive), by month, category and
   * directorate (null: not given). Counts are never lowered: cases deleted after their retention still count.
   */
  reportCounts(organisationId: number, fromMonth: string, toMonth: string): Promise<readonly TrendCount[]>;
  /** The first month (YYYY-MM) with a report counted, or null. */
  firstReportMonth(organisationId: number): Promise<string | null>;
  caseByReceiptHash(receiptHash: string): Promise<StoredReportCase | null>;
  /** The organisation's case, or null (another organisation's is never returned). */
  caseById(organisationId: number, id: number): Promise<StoredReportCase | null>;
  /** Cases assigned to the person, and unassigned cases routed to one of `roles`; newest first. */
  casesVisibleTo(organisationId: number, userId: number, roles: readonly string[]): Promise<readonly StoredReportCase[]>;
  /** The handler roles that unassigned cases of the organisation are routed to, distinct. */
  unassignedRoles(organisationId: number): Promise<readonly string[]>;
  updateCase(caseId: number, changes: CaseChanges): Promise<void>;
  /** In sequence order. Notes are returned too: callers showing the reporter's side leave them out. */
  messages(caseId: number): Promise<readonly StoredReportMessage[]>;
  /**
   * Appends a message or note with the next sequence number, in one transaction with marking whether the handler
   * is awaited (a reporter's message: yes; a handler's: no; a note changes nothing).
   */
  addMessage(caseId: number, message: { readonly kind: MessageKind; readonly body: string; readonly authorUserId: number | null; readonly writtenOn: string }): Promise<number>;
  /** Every closed case's id, organisation and day of closing. */
  closedCases(): Promise<readonly { readonly id: number; readonly organisationId: number; readonly closedOn: string }[]>;
  /** Deletes the cases and their messages; returns how many cases were deleted. */
  deleteCases(ids: readonly number[]): Promise<number>;
}
