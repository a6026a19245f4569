/**
 * What a report is and how a case moves (issue 12): the three ways to report, the outcomes a reporter can ask for,
 * the default categories and handler roles an organisation starts with (an administrator changes them), the
 * statuses and which follow which, and the retention rule. Pure: no I/O.
 */

/** anonymous: no name; confidential: a name or contact only the assigned handler sees; named: the same, and the reporter agrees to be named in a formal process. */
export type ReportingRoute = 'anonymous' | 'confidential' | 'named';
export const REPORTING_ROUTES: readonly { readonly value: ReportingRoute; readonly text: string; readonly hint: string }[] = [
  { value: 'anonymous', text: 'Anonymously', hint: 'You do not give your name. Nobody can contact you except through your receipt.' },
  { value: 'confidential', text: 'In confidence', hint: 'You give a name or a way to contact you that only the person handling your report can see.' },
  { value: 'named', text: 'With your name', hint: 'The person handling your report can see your name and may use it, with you, in a formal process.' },
];

export type WantedOutcome = 'heard' | 'advice' | 'action';
export const WANTED_OUTCOMES: readonly { readonly value: WantedOutcome; readonly text: string }[] = [
  { value: 'heard', text: 'To be heard: I want the organisation to know this happened' },
  { value: 'advice', text: 'Advice or support' },
  { value: 'action', text: 'Action to be taken' },
];

/** An entry of an organisation's list (categories, directorates, handler roles): a stable key and the words shown. */
export interface ListEntry {
  readonly key: string;
  readonly label: string;
}

export const DEFAULT_CATEGORIES: readonly ListEntry[] = [
  { key: 'colleagues', label: 'Racism or discrimination from colleagues' },
  { key: 'managers', label: 'Racism or discrimination from managers' },
  { key: 'patients-public', label: 'Racism or discrimination from patients or the public' },
  { key: 'recruitment', label: 'In recruitment' },
  { key: 'progression', label: 'In progression or promotion' },
  { key: 'discipline', label: 'In disciplinary or capability processes' },
  { key: 'training', label: 'In access to training or development' },
  { key: 'microaggressions', label: 'Microaggressions' },
  { key: 'other', label: 'Something else' },
];

export const DEFAULT_HANDLER_ROLES: readonly ListEntry[] = [
  { key: 'ftsu-guardian', label: 'Freedom to Speak Up guardian' },
  { key: 'hr', label: 'Human resources' },
  { key: 'edi-lead', label: 'Equality, diversity and inclusion lead' },
  { key: 'dignity-at-work', label: 'Dignity at Work adviser' },
];

/** Which handler role each default category goes to first; a category with no route goes to the first role. */
export const DEFAULT_ROUTING: Readonly<Record<string, string>> = {
  colleagues: 'dignity-at-work', managers: 'hr', 'patients-public': 'edi-lead', recruitment: 'hr', progression: 'hr',
  discipline: 'hr', training: 'edi-lead', microaggressions: 'dignity-at-work', other: 'ftsu-guardian',
};

/** Months a closed case is kept before it is deleted, unless the organisation sets another period. */
export const DEFAULT_RETENTION_MONTHS = 12;
export const MAX_RETENTION_MONTHS = 120;

/** The role a category is routed to: its route if that role still exists, else the first role, else null. */
export function routeFor(category: string, routing: Readonly<Record<string, string>>, roles: readonly ListEntry[]): string | null {
  const routed = routing[category];
  if (routed !== undefined && roles.some((r) => r.key === routed)) return routed;
  return roles[0]?.key ?? null;
}

export type CaseStatus = 'received' | 'triaged' | 'assigned' | 'in-progress' | 'closed';
export const CASE_STATUSES: readonly { readonly value: CaseStatus; readonly text: string }[] = [
  { value: 'received', text: 'Received' },
  { value: 'triaged', text: 'Triaged' },
  { value: 'assigned', text: 'Assigned' },
  { value: 'in-progress', text: 'In progress' },
  { value: 'closed', text: 'Closed' },
];

/**
 * Which statuses a case can move to by hand. Assignment (to "assigned") happens by assigning a handler, never by
 * choosing the status; a closed case can be reopened (to in progress) within its retention period.
 */
const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['triaged', 'closed'],
  triaged: ['closed'],
  assigned: ['in-progress', 'closed'],
  'in-progress': ['closed'],
  closed: ['in-progress'],
};

export function nextStatuses(status: CaseStatus): readonly CaseStatus[] {
  return NEXT[status];
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export type ClosingOutcome = 'heard' | 'advice-given' | 'informal-resolution' | 'formal-process' | 'no-further-action' | 'withdrawn';
export const CLOSING_OUTCOMES: readonly { readonly value: ClosingOutcome; readonly text: string }[] = [
  { value: 'heard', text: 'Heard and recorded' },
  { value: 'advice-given', text: 'Advice or support given' },
  { value: 'informal-resolution', text: 'Resolved informally' },
  { value: 'formal-process', text: 'Referred to a formal process' },
  { value: 'no-further-action', text: 'No further action possible' },
  { value: 'withdrawn', text: 'Withdrawn by the reporter' },
];

/** A date kept to the day, "YYYY-MM-DD" (UTC): reports keep no time of day. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The last day a case closed on `closedOn` is kept: the same day of the month `months` later (the month's last
 * day when it has fewer days). It is deleted on any day after it.
 */
export function keptUntil(closedOn: string, months: number): string {
  const [y, m, d] = closedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(year, month, Math.min(d, lastDay))));
}

/** True when a case closed on `closedOn` is past its retention period on `today`. */
export function pastRetention(closedOn: string, months: number, today: string): boolean {
  return today > keptUntil(closedOn, months);
}
