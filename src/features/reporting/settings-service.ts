/**
 * An organisation's reporting settings (issue 12, item 1 and 5): the categories and directorates the form offers,
 * the handler roles, which role each category goes to, how long closed cases are kept, and who holds each role.
 * An organisation with no saved settings has the defaults of core/reporting/cases.ts and no directorates.
 */
import {
  DEFAULT_CATEGORIES, DEFAULT_HANDLER_ROLES, DEFAULT_RETENTION_MONTHS, DEFAULT_ROUTING, type ListEntry, MAX_RETENTION_MONTHS,
} from '../../core/reporting/cases.ts';
import type { ReportSettings } from '../../store/reporting-types.ts';
import type { Store } from '../../store/store.ts';

export const DEFAULT_SETTINGS: ReportSettings = {
  categories: DEFAULT_CATEGORIES, directorates: [], handlerRoles: DEFAULT_HANDLER_ROLES, routing: DEFAULT_ROUTING, retentionMonths: DEFAULT_RETENTION_MONTHS,
};

export async function settingsOf(store: Store, organisationId: number): Promise<ReportSettings> {
  return (await store.reporting.settings(organisationId)) ?? DEFAULT_SETTINGS;
}

/** A stable key from a label: lower case, letters and digits joined by hyphens. */
export function keyOf(label: string): string {
  return label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'entry';
}

/**
 * One entry a line, in the order given. An unchanged label keeps its key (so routing and stored cases keep their
 * category); a new label gets a key from its words, made unique.
 */
export function parseList(text: string, previous: readonly ListEntry[]): ListEntry[] {
  const entries: ListEntry[] = [];
  const used = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const label = raw.trim().slice(0, 120);
    if (label === '' || entries.some((e) => e.label === label)) continue;
    let key = previous.find((p) => p.label === label)?.key ?? keyOf(label);
    for (let n = 2; used.has(key); n++) key = `${keyOf(label)}-${n}`;
    used.add(key);
    entries.push({ key, label });
  }
  return entries;
}

export interface SettingsProblem {
  readonly field: string;
  readonly message: string;
}

/** The settings a form gives, or the problems with it. Routing fields are named "route-<category key>". */
export function settingsFromForm(fields: Readonly<Record<string, string>>, previous: ReportSettings): { settings: ReportSettings } | { problems: SettingsProblem[] } {
  const categories = parseList(fields['categories'] ?? '', previous.categories);
  const directorates = parseList(fields['directorates'] ?? '', previous.directorates);
  const handlerRoles = parseList(fields['handlerRoles'] ?? '', previous.handlerRoles);
  const problems: SettingsProblem[] = [];
  if (categories.length === 0) problems.push({ field: 'categories', message: 'Enter at least one category, one a line' });
  if (handlerRoles.length === 0) problems.push({ field: 'handlerRoles', message: 'Enter at least one handler role, one a line' });
  const months = /^\d{1,3}$/.test((fields['retentionMonths'] ?? '').trim()) ? Number(fields['retentionMonths']) : Number.NaN;
  if (!(months >= 1 && months <= MAX_RETENTION_MONTHS)) problems.push({ field: 'retentionMonths', message: `Enter a number of months from 1 to ${MAX_RETENTION_MONTHS}` });
  if (problems.length) return { problems };
  const routing: Record<string, string> = {};
  for (const category of categories) {
    const chosen = fields[`route-${category.key}`] ?? previous.routing[category.key];
    if (chosen !== undefined && handlerRoles.some((r) => r.key === chosen)) routing[category.key] = chosen;
  }
  return { settings: { categories, directorates, handlerRoles, routing, retentionMonths: months } };
}

/** Gives a person a handler role by email; a problem when there is no such active account or role. */
export async function addHandler(store: Store, organisationId: number, email: string, roleKey: string): Promise<{ userId: number } | { problem: SettingsProblem }> {
  const settings = await settingsOf(store, organisationId);
  if (!settings.handlerRoles.some((r) => r.key === roleKey)) return { problem: { field: 'role', message: 'Choose a handler role' } };
  const user = await store.users.byEmail(email.trim());
  if (!user?.active) return { problem: { field: 'email', message: 'Enter the email address of someone who has a Mirror account' } };
  await store.reporting.setHandler(organisationId, roleKey, user.id, true);
  return { userId: user.id };
}
