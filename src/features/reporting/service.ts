/**
 * The reporter's side of reporting racism and discrimination (issue 12, items 1 to 4): submitting a report, the
 * receipt, and the conversation the receipt opens. No HTTP here, and nothing about the person or their device: the
 * functions are given only what the form said, and keep dates to the day.
 *
 * Nothing on the reporter's side is audited: an audit record carries the exact time and would time the report.
 */
import { randomBytes } from 'node:crypto';
import {
  type ClosingOutcome, dayOf, REPORTING_ROUTES, type ReportingRoute, routeFor, WANTED_OUTCOMES, type WantedOutcome,
} from '../../core/reporting/cases.ts';
import { GuessLimit } from '../../core/reporting/guess-limit.ts';
import { makeReceipt, normaliseReceipt } from '../../core/reporting/receipt.ts';
import { type ReportSealer, reportSealer } from '../../services/report-sealing.ts';
import type { StoredReportCase } from '../../store/reporting-types.ts';
import type { Organisation, Store } from '../../store/store.ts';
import { settingsOf } from './settings-service.ts';

export interface ReportingServices {
  readonly store: Store;
  readonly reportingKey: Uint8Array;
  readonly clock: () => Date;
}

export const MAX_REPORT_CHARACTERS = 10_000;
export const MAX_MESSAGE_CHARACTERS = 5_000;
export const MAX_CONTACT_CHARACTERS = 300;

const sealers = new WeakMap<Uint8Array, Promise<ReportSealer>>();

/** One sealer for each reporting key (made once: libsodium starts asynchronously). */
export function sealerFor(key: Uint8Array): Promise<ReportSealer> {
  let sealer = sealers.get(key);
  if (!sealer) {
    sealer = reportSealer(key);
    sealers.set(key, sealer);
  }
  return sealer;
}

export interface ReportForm {
  readonly route: string;
  readonly category: string;
  readonly directorate: string;
  readonly wanted: string;
  readonly content: string;
  readonly contact: string;
}

export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

/** What the form offers for an organisation: its categories and directorates, the ways to report, the outcomes. */
export async function reportFormChoices(store: Store, organisation: Organisation) {
  const settings = await settingsOf(store, organisation.id);
  return { categories: settings.categories, directorates: settings.directorates, routes: REPORTING_ROUTES, outcomes: WANTED_OUTCOMES };
}

/** The problems with a report as typed, each naming its field. */
export async function reportProblems(store: Store, organisation: Organisation, form: ReportForm): Promise<FormProblem[]> {
  const settings = await settingsOf(store, organisation.id);
  const problems: FormProblem[] = [];
  if (!REPORTING_ROUTES.some((r) => r.value === form.route)) problems.push({ field: 'route', message: 'Choose how you want to report' });
  if (!settings.categories.some((c) => c.key === form.category)) problems.push({ field: 'category', message: 'Choose what happened' });
  if (form.directorate !== '' && !settings.directorates.some((d) => d.key === form.directorate)) problems.push({ field: 'directorate', message: 'Choose a directorate from the list, or leave it' });
  if (!WANTED_OUTCOMES.some((o) => o.value === form.wanted)) problems.push({ field: 'wanted', message: 'Choose what you would like to happen' });
  if (form.content.trim() === '') problems.push({ field: 'content', message: 'Describe what happened' });
  else if (form.content.length > MAX_REPORT_CHARACTERS) problems.push({ field: 'content', message: `Write at most ${MAX_REPORT_CHARACTERS.toLocaleString('en-GB')} characters` });
  if ((form.route === 'confidential' || form.route === 'named') && form.contact.trim() === '') {
    problems.push({ field: 'contact', message: 'Enter your name or a way to contact you, or choose to report anonymously' });
  } else if (form.contact.length > MAX_CONTACT_CHARACTERS) {
    problems.push({ field: 'contact', message: `Write at most ${MAX_CONTACT_CHARACTERS} characters` });
  }
  return problems;
}

/**
 * Saves a checked report, sealed, routed to the handler role its category goes to, and returns the receipt (shown
 * once and never stored: only its keyed slow hash is). An anonymous report keeps no contact even if one was typed.
 */
export async function submitReport(services: ReportingServices, organisation: Organisation, form: ReportForm): Promise<{ receipt: string; caseId: number }> {
  const sealer = await sealerFor(services.reportingKey);
  const settings = await settingsOf(services.store, organisation.id);
  const receipt = makeReceipt((n) => randomBytes(n));
  const route = form.route as ReportingRoute;
  const caseId = await services.store.reporting.createCase({
    organisationId: organisation.id,
    receiptHash: await sealer.receiptHash(normaliseReceipt(receipt)!),
    route,
    category: form.category,
    directorate: form.directorate === '' ? null : form.directorate,
    wanted: form.wanted as WantedOutcome,
    content: sealer.seal(form.content.trim()),
    contact: route === 'anonymous' ? null : sealer.seal(form.contact.trim()),
    handlerRole: routeFor(form.category, settings.routing, settings.handlerRoles),
    receivedOn: dayOf(services.clock()),
  });
  return { receipt, caseId };
}

/** What the reporter sees of their case: no names of handlers, no notes, no contact details. */
export interface ReporterView {
  readonly organisation: Organisation | null;
  /** True while the report is anonymous: the reporter may then give a name or contact. */
  readonly anonymous: boolean;
  readonly category: string;
  readonly receivedOn: string;
  readonly status: string;
  readonly closingOutcome: ClosingOutcome | null;
  readonly content: string;
  readonly messages: readonly { readonly fromReporter: boolean; readonly text: string; readonly writtenOn: string }[];
}

export type ReceiptResult =
  | { readonly kind: 'found'; readonly reportCase: StoredReportCase }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'limited' };

/** Wrong receipts allowed before everyone waits: one count for the whole installation (see guess-limit.ts). */
export const receiptGuesses = new GuessLimit();

/**
 * The case a receipt opens, or not-found (which says nothing of why), or limited while too many wrong receipts
 * have been entered. A receipt of the wrong shape is counted as wrong without being hashed.
 */
export async function caseForReceipt(services: ReportingServices, typed: string, limit: GuessLimit = receiptGuesses): Promise<ReceiptResult> {
  const now = services.clock().getTime();
  if (!limit.open(now)) return { kind: 'limited' };
  const canonical = normaliseReceipt(typed);
  const sealer = await sealerFor(services.reportingKey);
  const found = canonical === null ? null : await services.store.reporting.caseByReceiptHash(await sealer.receiptHash(canonical));
  if (!found) {
    limit.recordWrong(now);
    return { kind: 'not-found' };
  }
  return { kind: 'found', reportCase: found };
}

export async function reporterView(services: ReportingServices, reportCase: StoredReportCase): Promise<ReporterView> {
  const sealer = await sealerFor(services.reportingKey);
  const settings = await settingsOf(services.store, reportCase.organisationId);
  const messages = (await services.store.reporting.messages(reportCase.id)).filter((m) => m.kind !== 'note');
  return {
    organisation: await services.store.organisations.byId(reportCase.organisationId),
    anonymous: reportCase.route === 'anonymous',
    category: settings.categories.find((c) => c.key === reportCase.category)?.label ?? reportCase.category,
    receivedOn: reportCase.receivedOn,
    status: reportCase.status,
    closingOutcome: reportCase.closingOutcome,
    content: sealer.open(reportCase.content),
    messages: messages.map((m) => ({ fromReporter: m.kind === 'reporter', text: sealer.open(m.body), writtenOn: m.writtenOn })),
  };
}

/**
 * An anonymous reporter gives a name or contact later: the report becomes one made in confidence. As in GlobaLeaks,
 * an identity can be added but never withdrawn (nothing offers to take it away), so a handler never loses what they
 * were told. A report not made anonymously is left as it is.
 */
export async function discloseIdentity(services: ReportingServices, reportCase: StoredReportCase, contact: string): Promise<FormProblem | null> {
  if (reportCase.route !== 'anonymous') return null;
  if (contact.trim() === '') return { field: 'contact', message: 'Enter your name or a way to contact you' };
  if (contact.length > MAX_CONTACT_CHARACTERS) return { field: 'contact', message: `Write at most ${MAX_CONTACT_CHARACTERS} characters` };
  const sealer = await sealerFor(services.reportingKey);
  await services.store.reporting.updateCase(reportCase.id, { route: 'confidential', contact: sealer.seal(contact.trim()) });
  return null;
}

/** Adds the reporter's message to the conversation, sealed; a problem when it is empty or too long. */
export async function reporterReply(services: ReportingServices, reportCase: StoredReportCase, text: string): Promise<FormProblem | null> {
  if (text.trim() === '') return { field: 'message', message: 'Write your message' };
  if (text.length > MAX_MESSAGE_CHARACTERS) return { field: 'message', message: `Write at most ${MAX_MESSAGE_CHARACTERS.toLocaleString('en-GB')} characters` };
  const sealer = await sealerFor(services.reportingKey);
  await services.store.reporting.addMessage(reportCase.id, { kind: 'reporter', body: sealer.seal(text.trim()), authorUserId: null, writtenOn: dayOf(services.clock()) });
  return null;
}
