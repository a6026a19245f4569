/**
 * Objectives: an indicator of any standard, for a scope, with a baseline from the figures, a target, a date, an
 * owner and the high-impact action it serves. Pure: the SMART check, the target's meaning for the indicator's kind,
 * and progress (the latest figure against the baseline with the year-on-year change test, and the straight-line
 * trajectory from the baseline to the target by its date).
 *
 * Targets: a value ("1.10 or lower"); parity (a relative likelihood of 1, the other group's percentage for a survey
 * item, no gap between the board and the workforce); or the range 0.80 to 1.25 for a relative likelihood, the range
 * NHS England treats as no adverse impact.
 */
import { beyondChance, proportionChange, relativeLikelihoodChange } from '../stats/change-between-years.ts';
import { NON_ADVERSE_RANGE } from '../stats/relative-likelihood.ts';
import type { FigureKind, HeadlineFigure } from './headline.ts';
import { type HighImpactActionId, highImpactAction } from './high-impact-actions.ts';

export type TargetKind = 'value' | 'parity' | 'range';
export type Target = { readonly kind: 'value'; readonly value: number } | { readonly kind: 'parity' } | { readonly kind: 'range' };

export type OwnerRole = 'board-member' | 'executive-lead' | 'directorate-lead';
export const OWNER_ROLES: readonly { readonly value: OwnerRole; readonly text: string }[] = [
  { value: 'board-member', text: 'Board member' },
  { value: 'executive-lead', text: 'Executive lead' },
  { value: 'directorate-lead', text: 'Directorate lead' },
];

/** What a form or the API gives: text as typed, checked by smartCheck. */
export interface ObjectiveInput {
  readonly standard?: string;
  readonly indicator?: string;
  readonly scope?: string;
  readonly targetKind?: string;
  readonly targetValue?: string;
  readonly targetDate?: string;
  readonly ownerName?: string;
  readonly ownerRole?: string;
  readonly action?: string;
}

/** A checked objective, before its baseline is read. */
export interface ObjectiveTerms {
  readonly standard: string;
  readonly indicator: string;
  readonly scope: string;
  readonly target: Target;
  /** ISO date. */
  readonly targetDate: string;
  readonly ownerName: string;
  readonly ownerRole: OwnerRole;
  readonly action: HighImpactActionId | null;
}

/** A part of an objective that is missing or wrong: the form field it belongs to and the words saying what. */
export interface SmartProblem {
  readonly field: 'indicator' | 'targetKind' | 'targetValue' | 'targetDate' | 'ownerName' | 'ownerRole' | 'action';
  readonly part: 'measure' | 'target' | 'date' | 'owner' | 'action';
  readonly message: string;
}

export type SmartCheck = { readonly ok: true; readonly terms: ObjectiveTerms } | { readonly ok: false; readonly problems: readonly SmartProblem[] };

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

function validDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/**
 * The SMART check: an objective needs a measure (an indicator), a target, a date and an owner (a name and a role).
 * Every missing or wrong part is named, not only the first. `kind` is the indicator's kind when it is known, so a
 * target that does not suit it (the 0.80 to 1.25 range for a percentage) is refused; `today` refuses a date passed.
 */
export function smartCheck(input: ObjectiveInput, kind: FigureKind | null, today: string): SmartCheck {
  const problems: SmartProblem[] = [];
  if (blank(input.standard) || blank(input.indicator)) {
    problems.push({ field: 'indicator', part: 'measure', message: 'Choose the indicator this objective measures' });
  }
  const targetKind = input.targetKind?.trim() ?? '';
  let target: Target | null = null;
  if (targetKind === '') {
    problems.push({ field: 'targetKind', part: 'target', message: 'Choose a target: a value, parity, or the range 0.80 to 1.25' });
  } else if (targetKind === 'value') {
    const raw = input.targetValue?.trim() ?? '';
    const value = Number(raw);
    if (raw === '') problems.push({ field: 'targetValue', part: 'target', message: 'Enter the target value' });
    else if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value)) problems.push({ field: 'targetValue', part: 'target', message: 'The target value must be a number, like 1.10 or 25.5' });
    else if (kind === 'ratio' && value <= 0) problems.push({ field: 'targetValue', part: 'target', message: 'A relative likelihood target must be above 0' });
    else if ((kind === 'proportion' || kind === 'representation') && (value < 0 || value > 100)) problems.push({ field: 'targetValue', part: 'target', message: 'A percentage target must be from 0 to 100' });
    else target = { kind: 'value', value };
  } else if (targetKind === 'parity') {
    if (kind === 'representation') problems.push({ field: 'targetKind', part: 'target', message: 'A share of the workforce has no parity to reach: enter a target value' });
    else target = { kind: 'parity' };
  } else if (targetKind === 'range') {
    if (kind !== null && kind !== 'ratio') problems.push({ field: 'targetKind', part: 'target', message: 'The range 0.80 to 1.25 is for relative likelihoods: choose a value or parity' });
    else target = { kind: 'range' };
  } else {
    problems.push({ field: 'targetKind', part: 'target', message: 'Choose a target: a value, parity, or the range 0.80 to 1.25' });
  }
  const date = input.targetDate?.trim() ?? '';
  if (date === '') problems.push({ field: 'targetDate', part: 'date', message: 'Enter the date the target is to be met by' });
  else if (!validDate(date)) problems.push({ field: 'targetDate', part: 'date', message: 'The target date must be a real date, like 2027-03-31' });
  else if (date <= today) problems.push({ field: 'targetDate', part: 'date', message: 'The target date must be in the future' });
  if (blank(input.ownerName)) problems.push({ field: 'ownerName', part: 'owner', message: 'Enter the name of the person who owns this objective' });
  const role = OWNER_ROLES.find((r) => r.value === input.ownerRole?.trim());
  if (!role) problems.push({ field: 'ownerRole', part: 'owner', message: "Choose the owner's role: board member, executive lead or directorate lead" });
  const action = blank(input.action) ? null : highImpactAction(input.action!.trim());
  if (!blank(input.action) && !action) problems.push({ field: 'action', part: 'action', message: 'Choose one of the six high-impact actions' });
  if (problems.length > 0 || !target || !role) return { ok: false, problems };
  return {
    ok: true,
    terms: {
      standard: input.standard!.trim(), indicator: input.indicator!.trim(), scope: blank(input.scope) ? 'organisation' : input.scope!.trim(),
      target, targetDate: date, ownerName: input.ownerName!.trim(), ownerRole: role.value, action: action?.id ?? null,
    },
  };
}

/** "Missing: a target, a date and an owner": the parts a refused objective lacks, in one sentence. */
export function missingSentence(problems: readonly Pick<SmartProblem, 'part'>[]): string {
  const words: Record<SmartProblem['part'], string> = { measure: 'a measure', target: 'a target', date: 'a date', owner: 'an owner', action: 'a high-impact action' };
  const parts = [...new Set(problems.map((p) => p.part))].map((p) => words[p]);
  const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `This objective is not SMART yet: it needs ${list}.`;
}

/** The target as a number or range for a figure: parity takes the figure's own parity (1, the other group, 0). */
export function targetBand(target: Target, figure: Pick<HeadlineFigure, 'parity'>): { readonly low: number; readonly high: number } | null {
  switch (target.kind) {
    case 'value':
      return { low: target.value, high: target.value };
    case 'parity':
      return figure.parity === null ? null : { low: figure.parity, high: figure.parity };
    case 'range':
      return { low: NON_ADVERSE_RANGE[0], high: NON_ADVERSE_RANGE[1] };
  }
}

export function targetText(target: Target, kind: FigureKind): string {
  if (target.kind === 'range') return 'inside the range 0.80 to 1.25';
  if (target.kind === 'parity') return kind === 'ratio' ? 'parity (a relative likelihood of 1.00)' : kind === 'representationGap' ? 'parity (no gap between the board and the workforce)' : 'parity with the other group';
  return kind === 'ratio' ? `${target.value.toFixed(2)}` : kind === 'representationGap' ? `${target.value.toFixed(1)} points` : `${target.value.toFixed(1)}%`;
}

/** The point of the target nearest a value: itself inside the band, otherwise the nearer edge. */
function nearest(band: { low: number; high: number }, value: number): number {
  return Math.min(Math.max(value, band.low), band.high);
}

/**
 * Whether a value meets the target: inside the range; at parity or a value, reached or passed in the direction
 * from the baseline (a target below the baseline is met at or below it). Figures are compared as shown, to two
 * decimals for a ratio and one for a percentage, so 1.004 meets parity.
 */
export function meetsTarget(target: Target, baseline: number, value: number, band: { low: number; high: number }, kind: FigureKind): boolean {
  const digits = kind === 'ratio' ? 2 : 1;
  const round = (n: number) => Number(n.toFixed(digits));
  const v = round(value);
  if (target.kind === 'range') return v >= round(band.low) && v <= round(band.high);
  const goal = round(band.low);
  return round(baseline) > goal ? v <= goal : round(baseline) < goal ? v >= goal : v === goal;
}

/** The date a reporting year's figure stands for: the snapshot, 31 March of the year. */
export function figureDate(year: number): string {
  return `${year}-03-31`;
}

const DAY = 24 * 60 * 60 * 1000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;

export interface Trajectory {
  /** Where a straight line from the baseline to the target puts the figure at the latest figure's date. */
  readonly expected: number;
  /** The latest figure is at least as far along as the line: on or ahead of the trajectory. */
  readonly onTrack: boolean;
}

export interface ChangeSinceBaseline {
  /** Latest minus baseline, in the figure's unit (a ratio's difference; percentage points). */
  readonly difference: number;
  /** Whether the change is more than chance would usually give; null where no test applies (a board, or no interval). */
  readonly beyondChance: boolean | null;
}

export type ProgressStatus = 'met' | 'on-track' | 'off-track' | 'no-new-figure' | 'no-figure';

export interface Progress {
  readonly status: ProgressStatus;
  readonly latest: HeadlineFigure | null;
  readonly change: ChangeSinceBaseline | null;
  readonly trajectory: Trajectory | null;
  readonly sentence: string;
}

/** The year-on-year change test (core/stats/change-between-years.ts) between the baseline and a later figure. */
export function changeSinceBaseline(baseline: HeadlineFigure, latest: HeadlineFigure): ChangeSinceBaseline | null {
  if (baseline.value === null || latest.value === null) return null;
  const difference = latest.value - baseline.value;
  const [b0, b1] = baseline.counts;
  const [l0, l1] = latest.counts;
  let beyond: boolean | null = null;
  if (baseline.kind === 'ratio' && b0 && b1 && l0 && l1) {
    const change = relativeLikelihoodChange({ numerator: b0, denominator: b1 }, { numerator: l0, denominator: l1 });
    beyond = change ? beyondChance(change.ci95, 1) : null;
  } else if ((baseline.kind === 'proportion' || baseline.kind === 'representation') && b0 && l0) {
    const change = proportionChange(b0, l0);
    beyond = change ? beyondChance(change.ci95, 0) : null;
  }
  return { difference, beyondChance: beyond };
}

function format(kind: FigureKind, n: number): string {
  return kind === 'ratio' ? n.toFixed(2) : kind === 'representationGap' ? `${n.toFixed(1)} points` : `${n.toFixed(1)}%`;
}

function differenceText(kind: FigureKind, n: number): string {
  return kind === 'ratio' ? n.toFixed(2) : `${n.toFixed(1)} points`;
}

/**
 * Progress from the figures there are: `figures` are the indicator's figures for the objective's scope, any years.
 * The latest is the newest year after the baseline's. The trajectory is a straight line from the baseline's value
 * on its snapshot date to the target's nearest point on the target date.
 */
export function progress(baseline: HeadlineFigure, target: Target, targetDate: string, figures: readonly HeadlineFigure[]): Progress {
  const later = figures.filter((f) => f.year > baseline.year).sort((a, b) => b.year - a.year);
  const latest = later[0] ?? null;
  if (baseline.value === null) return { status: 'no-figure', latest, change: null, trajectory: null, sentence: 'The baseline has no figure, so progress cannot be measured.' };
  if (!latest) return { status: 'no-new-figure', latest: null, change: null, trajectory: null, sentence: `No figures after the ${baseline.year} baseline yet: progress is measured from the next year imported.` };
  if (latest.value === null) return { status: 'no-figure', latest, change: null, trajectory: null, sentence: `The ${latest.year} figure is not defined, so progress cannot be measured.` };
  const band = targetBand(target, latest) ?? targetBand(target, baseline);
  const change = changeSinceBaseline(baseline, latest);
  const judgement = change?.beyondChance === true ? 'more than chance alone would usually give' : change?.beyondChance === false ? 'within what chance alone could give' : 'no test of chance applies';
  const moved = change && Math.abs(change.difference) >= (baseline.kind === 'ratio' ? 0.005 : 0.05)
    ? `${change.difference > 0 ? 'Up' : 'Down'} ${differenceText(baseline.kind, Math.abs(change.difference))} since ${baseline.year} (${judgement})`
    : `No change since ${baseline.year}`;
  if (!band) return { status: 'no-figure', latest, change, trajectory: null, sentence: `${moved}; the target has no value for this figure.` };
  const goal = nearest(band, baseline.value);
  const span = days(figureDate(baseline.year), targetDate);
  const elapsed = days(figureDate(baseline.year), figureDate(latest.year));
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, elapsed / span));
  const expected = baseline.value + (goal - baseline.value) * fraction;
  const towards = Math.sign(goal - baseline.value);
  const onTrack = towards === 0 ? latest.value === goal : (latest.value - expected) * towards >= 0;
  const trajectory = { expected, onTrack };
  const met = meetsTarget(target, baseline.value, latest.value, band, baseline.kind);
  const status: ProgressStatus = met ? 'met' : onTrack ? 'on-track' : 'off-track';
  const where = met ? 'the target is met' : onTrack ? `on track: the trajectory expects ${format(baseline.kind, expected)} by ${latest.year}` : `behind the trajectory, which expects ${format(baseline.kind, expected)} by ${latest.year}`;
  return { status, latest, change, trajectory, sentence: `${latest.year}: ${format(baseline.kind, latest.value)}. ${moved}; ${where}.` };
}
