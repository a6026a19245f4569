/**
 * An intervention as a team plans it (issue 11): from the catalogue or written by the team, with its owner, dates,
 * status, the staff networks involved in designing it and an optional cost. `checkIntervention` reads what a form
 * or the API gives and names every problem, field by field, so a page can show them in its error summary.
 */
import { catalogueIntervention } from './catalogue.ts';

export type InterventionStatus = 'planned' | 'in-progress' | 'completed' | 'stopped';

export const INTERVENTION_STATUSES: readonly { readonly value: InterventionStatus; readonly text: string }[] = [
  { value: 'planned', text: 'Planned' },
  { value: 'in-progress', text: 'In progress' },
  { value: 'completed', text: 'Completed' },
  { value: 'stopped', text: 'Stopped' },
];

export function statusText(status: InterventionStatus): string {
  return INTERVENTION_STATUSES.find((s) => s.value === status)?.text ?? status;
}

/** The terms of an intervention, checked. Exactly one of `catalogueId` and `own` is set. */
export interface InterventionTerms {
  readonly catalogueId: string | null;
  readonly own: { readonly name: string; readonly description: string } | null;
  readonly ownerName: string;
  readonly ownerRole: string;
  /** ISO dates, "2026-04-01". */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly status: InterventionStatus;
  readonly staffNetworks: readonly string[];
  /** In pounds; null when not given. */
  readonly cost: number | null;
  readonly shareEvaluation: boolean;
}

/** What a form or the API gives, as typed. */
export interface InterventionInput {
  /** A catalogue entry's id, or "own" for one the team writes. */
  readonly source?: string;
  readonly name?: string;
  readonly description?: string;
  readonly ownerName?: string;
  readonly ownerRole?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly status?: string;
  /** One network a line (a form's text area) or a list (the API). */
  readonly staffNetworks?: string | readonly string[];
  readonly cost?: string | number;
  readonly shareEvaluation?: boolean | string;
}

export interface InterventionProblem {
  /** The form field the problem belongs to, for the error summary's link. */
  readonly field: 'source' | 'name' | 'description' | 'ownerName' | 'ownerRole' | 'startDate' | 'endDate' | 'status' | 'staffNetworks' | 'cost';
  readonly message: string;
}

export type InterventionCheck = { readonly ok: true; readonly terms: InterventionTerms } | { readonly ok: false; readonly problems: readonly InterventionProblem[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const MAX_TEXT = 2000;
const MAX_NAME = 200;

export function checkIntervention(input: InterventionInput): InterventionCheck {
  const problems: InterventionProblem[] = [];
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const source = text(input.source);
  let catalogueId: string | null = null;
  let own: InterventionTerms['own'] = null;
  if (source === '') {
    problems.push({ field: 'source', message: 'Choose an intervention from the catalogue, or write your own' });
  } else if (source === 'own') {
    const name = text(input.name);
    const description = text(input.description);
    if (name === '') problems.push({ field: 'name', message: 'Enter a name for your intervention' });
    else if (name.length > MAX_NAME) problems.push({ field: 'name', message: `Name must be ${MAX_NAME} characters or fewer` });
    if (description === '') problems.push({ field: 'description', message: 'Describe what will be done' });
    else if (description.length > MAX_TEXT) problems.push({ field: 'description', message: `Description must be ${MAX_TEXT} characters or fewer` });
    own = { name, description };
  } else if (catalogueIntervention(source) === null) {
    problems.push({ field: 'source', message: 'Choose an intervention that is in the catalogue' });
  } else {
    catalogueId = source;
  }
  const ownerName = text(input.ownerName);
  if (ownerName === '') problems.push({ field: 'ownerName', message: "Enter the owner's name" });
  else if (ownerName.length > MAX_NAME) problems.push({ field: 'ownerName', message: `Owner's name must be ${MAX_NAME} characters or fewer` });
  const ownerRole = text(input.ownerRole);
  if (ownerRole === '') problems.push({ field: 'ownerRole', message: "Enter the owner's role, for example Director of People" });
  else if (ownerRole.length > MAX_NAME) problems.push({ field: 'ownerRole', message: `Owner's role must be ${MAX_NAME} characters or fewer` });

  const startDate = text(input.startDate) || null;
  const endDate = text(input.endDate) || null;
  if (startDate !== null && !isoDate(startDate)) problems.push({ field: 'startDate', message: 'Start date must be a real date, as year-month-day, for example 2026-04-01' });
  if (endDate !== null && !isoDate(endDate)) problems.push({ field: 'endDate', message: 'End date must be a real date, as year-month-day, for example 2027-03-31' });
  if (startDate !== null && endDate !== null && isoDate(startDate) && isoDate(endDate) && endDate < startDate) {
    problems.push({ field: 'endDate', message: 'End date must be the same as or after the start date' });
  }

  const status = INTERVENTION_STATUSES.find((s) => s.value === text(input.status))?.value;
  if (!status) problems.push({ field: 'status', message: 'Choose a status: planned, in progress, completed or stopped' });
  else if (status !== 'planned' && startDate === null) problems.push({ field: 'startDate', message: 'Enter the start date of an intervention that has started' });

  const networkList = typeof input.staffNetworks === 'string' ? input.staffNetworks.split(/\r?\n/) : (input.staffNetworks ?? []);
  const staffNetworks = [...new Set(networkList.map((n) => (typeof n === 'string' ? n.trim() : '')).filter((n) => n !== ''))];
  if (staffNetworks.some((n) => n.length > MAX_NAME)) problems.push({ field: 'staffNetworks', message: `Each network's name must be ${MAX_NAME} characters or fewer` });
  if (staffNetworks.length > 20) problems.push({ field: 'staffNetworks', message: 'Name 20 networks or fewer' });

  let cost: number | null = null;
  const costText = typeof input.cost === 'number' ? String(input.cost) : text(input.cost).replace(/^£/, '').replaceAll(',', '');
  if (costText !== '') {
    const value = Number(costText);
    if (!/^\d+(\.\d{1,2})?$/.test(costText) || !Number.isFinite(value)) problems.push({ field: 'cost', message: 'Cost must be an amount in pounds, like 12500 or 12500.50' });
    else cost = value;
  }
  const share = input.shareEvaluation === true || input.shareEvaluation === 'yes' || input.shareEvaluation === 'true';

  if (problems.length > 0 || !status) return { ok: false, problems };
  return { ok: true, terms: { catalogueId, own: catalogueId === null ? own : null, ownerName, ownerRole, startDate, endDate, status, staffNetworks, cost, shareEvaluation: share } };
}
