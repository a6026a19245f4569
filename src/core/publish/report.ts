/**
 * The published report of an organisation's year (issue 13): its shape, frozen as JSON in the store, and the rules
 * that make it safe to publish. Pure: it is given the figures the services read and returns what may leave.
 *
 * Disclosure control for publication (docs/methodology.md, "Publishing"): the headline figures are read from the
 * organisation's report with disclosure control (breakdowns suppressed, as the viewer's dashboard, the API and
 * `mirror wres --format json` have them); on top of that, a headline figure any of whose counts (events, people, or
 * people without the event, in any group) is 1 to 7 is withheld whole: its counts, its value, its interval and its
 * sentence, so nothing derived from a small count leaves. Zero is not disclosive. An objective's progress is
 * withheld when a figure it is worked out from is; figures for part of the organisation (an objective's directorate
 * or staff group) are never published, since with the organisation's own they could be differenced.
 */
import type { FigureCount, FigureKind, HeadlineFigure, HeadlineResult } from '../act/headline.ts';
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { PublicEds } from './eds.ts';
import type { PublicReports } from './reports.ts';

export const PUBLISHED_REPORT_FORMAT = 1;

export type FigureStatus = 'shown' | 'withheld' | 'unavailable';

/** One indicator's headline figure as published. */
export interface PublicFigure {
  /** The reporting year the figure stands for. */
  readonly year: number;
  readonly standard: string;
  readonly indicator: string;
  readonly title: string;
  readonly kind: FigureKind | null;
  readonly status: FigureStatus;
  /** Null unless shown (or shown but not defined, such as a ratio with no events in a group). */
  readonly value: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Empty unless shown. */
  readonly counts: readonly FigureCount[];
  readonly smallNumbers: boolean;
  /** The report's own sentence, only for a figure shown. */
  readonly statement: string | null;
  /** Why the figure is withheld or not available. */
  readonly note: string | null;
}

export interface PublicStandard {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  /** Null when the standard has no report for the year. */
  readonly figures: readonly PublicFigure[] | null;
}

export type PublicProgressStatus = 'met' | 'on-track' | 'off-track' | 'no-new-figure' | 'no-figure' | 'withheld' | 'not-published';

export interface PublicObjective {
  /** 1, 2, … in the report's order. */
  readonly number: number;
  readonly standard: string;
  readonly indicator: string;
  readonly measure: string;
  /** "the whole organisation", or the part it is for. */
  readonly scope: string;
  readonly wholeOrganisation: boolean;
  readonly target: string;
  readonly targetDate: string;
  readonly ownerRole: string;
  readonly baseline: PublicFigure;
  readonly latest: PublicFigure | null;
  readonly status: PublicProgressStatus;
  readonly progress: string;
}

export interface PublicEvaluation {
  readonly number: number;
  /** The objective's number in this report. */
  readonly objective: number;
  readonly intervention: string;
  readonly status: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly verdict: string | null;
  /** The verdict in words; the evaluation's detail (yearly counts, monthly means) is not published. */
  readonly headline: string;
}

/** The report as published: the JSON kept for each version and given as report.json. */
export interface PublishedReport {
  readonly format: typeof PUBLISHED_REPORT_FORMAT;
  readonly organisation: { readonly code: string; readonly name: string; readonly synthetic: boolean };
  readonly year: number;
  /** The date the figures were assembled (the draft's), YYYY-MM-DD. */
  readonly assembled: string;
  readonly disclosure: { readonly minimumCellSize: number };
  /** "What is this telling you": plain sentences from the figures below. */
  readonly summary: readonly string[];
  readonly standards: readonly PublicStandard[];
  readonly payGaps: readonly string[] | null;
  /** WDES metric 9b's narrative, when the import had one. */
  readonly narrative: { readonly answer: boolean | null; readonly text: string } | null;
  readonly objectives: readonly PublicObjective[];
  readonly evaluations: readonly PublicEvaluation[];
  /**
   * The year's EDS 2022 summary (agreed ratings only; core/publish/eds.ts): null when no outcome had an agreed rating;
   * absent from versions assembled before the summary was published.
   */
  readonly eds?: PublicEds | null;
  /**
   * The year's reports of racism and discrimination through Mirror, in all and by category, as members see them
   * (core/publish/reports.ts): null when the year has none to show (not ended, or no reports); absent from versions
   * assembled before they were published.
   */
  readonly reports?: PublicReports | null;
}

/** Counts a reader could take from a figure's counts: events, people, and people without the event. */
function cellsOf(counts: readonly FigureCount[]): number[] {
  return counts.flatMap((c) => [c.events, c.population, c.population - c.events]);
}

export function withheldNote(policy: DisclosurePolicy): string {
  return `Withheld: a count behind this figure is between 1 and ${policy.minimumCellSize - 1}, so the figure could identify someone.`;
}

/** An indicator's headline figure, as it may be published. */
export function publicFigure(
  identity: { readonly year: number; readonly standard: string; readonly indicator: string; readonly title: string; readonly kind: FigureKind | null },
  result: HeadlineResult,
  statement: string | null,
  policy: DisclosurePolicy,
): PublicFigure {
  const empty = { ...identity, value: null, ci95: null, counts: [], smallNumbers: false, statement: null };
  if (!result.available) return { ...empty, status: 'unavailable', note: `Not available: ${result.reason}.` };
  const { figure } = result;
  if (cellsOf(figure.counts).some((n) => isDisclosive(n, policy))) return { ...empty, status: 'withheld', note: withheldNote(policy) };
  return {
    ...identity, kind: figure.kind, status: 'shown', value: figure.value, ci95: figure.ci95, counts: figure.counts,
    smallNumbers: figure.smallNumbers, statement, note: null,
  };
}

/** A figure already worked out (an objective's baseline or a later year's), as it may be published. */
export function publicHeadline(identity: { readonly standard: string; readonly indicator: string; readonly title: string }, figure: HeadlineFigure, policy: DisclosurePolicy): PublicFigure {
  return publicFigure({ ...identity, year: figure.year, kind: figure.kind }, { available: true, figure }, null, policy);
}

const UNITS: Readonly<Record<FigureKind, string>> = {
  ratio: 'relative likelihood (1 is equal)',
  proportion: 'percentage of respondents',
  representation: 'percentage of staff',
  representationGap: 'percentage points (board share minus workforce share)',
};

export function unitOf(kind: FigureKind | null): string {
  return kind ? UNITS[kind] : 'none';
}

const GROUP_WORDS: Readonly<Record<string, string>> = {
  white: 'White', ethnicMinority: 'ethnic minority', disabled: 'Disabled', nonDisabled: 'non-disabled', board: 'voting board members',
};

export function groupWords(group: string): string {
  return GROUP_WORDS[group] ?? group;
}

function ratioWithin(value: number): boolean {
  return value >= 0.8 && value <= 1.25;
}

/**
 * "What is this telling you": a few plain sentences from the published figures only (so nothing withheld is
 * hinted at): how many figures there are and how many are withheld; each relative likelihood outside 0.80 to 1.25
 * whose interval leaves out 1, in the report's own words; how many are within that range; and the objectives'
 * progress in counts.
 */
export function summarise(report: Pick<PublishedReport, 'organisation' | 'year' | 'standards' | 'objectives' | 'disclosure'>): string[] {
  const figures = report.standards.flatMap((s) => s.figures ?? []);
  const shown = figures.filter((f) => f.status === 'shown');
  const withheld = figures.filter((f) => f.status === 'withheld').length;
  const named = report.standards.filter((s) => s.figures).map((s) => s.shortName);
  const sentences: string[] = [];
  sentences.push(
    `This is ${report.organisation.name}'s report on workforce equality for the year to 31 March ${report.year}` +
    `${named.length ? ` (${named.join(', ')})` : ''}. It gives ${shown.length} figure${shown.length === 1 ? '' : 's'}, each with the counts behind it` +
    `${withheld ? `; ${withheld} more ${withheld === 1 ? 'is' : 'are'} withheld because ${withheld === 1 ? 'it rests' : 'they rest'} on fewer than ${report.disclosure.minimumCellSize} people, who could be identified` : ''}.`,
  );
  const ratios = shown.filter((f) => f.kind === 'ratio' && f.value !== null);
  const outside = ratios.filter((f) => !ratioWithin(f.value!) && f.ci95 !== null && (f.ci95[0] > 1 || f.ci95[1] < 1));
  // The report's own sentence says how likely each group was and what the interval says of chance.
  for (const f of outside) {
    sentences.push(f.statement ?? `${f.title}: ${f.value!.toFixed(2)}. The 95% interval, ${f.ci95![0].toFixed(2)} to ${f.ci95![1].toFixed(2)}, leaves out 1, so chance alone is unlikely to explain the difference.`);
  }
  const within = ratios.filter((f) => ratioWithin(f.value!)).length;
  if (ratios.length) {
    sentences.push(`${within} of the ${ratios.length} relative likelihoods shown ${within === 1 ? 'is' : 'are'} within 0.80 to 1.25, the range NHS England treats as no adverse difference between groups.`);
  }
  if (report.objectives.length) {
    const by = (s: PublicProgressStatus) => report.objectives.filter((o) => o.status === s).length;
    const parts = [
      [by('met'), 'met its target', 'met their targets'], [by('on-track'), 'is on track', 'are on track'],
      [by('off-track'), 'is behind its trajectory', 'are behind their trajectories'],
    ].filter(([n]) => (n as number) > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
    const judged = by('met') + by('on-track') + by('off-track');
    const others = report.objectives.length - judged;
    const rest = others === 0 ? '' : judged === 0 ? ', none with a figure to judge progress by yet' : `; ${others} ${others === 1 ? 'has' : 'have'} no figure to judge progress by yet, or ${others === 1 ? 'rests' : 'rest'} on figures withheld or not published`;
    sentences.push(`The organisation has ${report.objectives.length} objective${report.objectives.length === 1 ? '' : 's'} for equality${parts.length ? `: ${parts.join(', ')}` : ''}${rest}.`);
  }
  return sentences;
}

/** A correction's note is required, and says something. */
export const CORRECTION_NOTE_MAX = 2000;

export function correctionNoteProblem(note: string, correcting: boolean): string | null {
  const trimmed = note.trim();
  if (!correcting) return null;
  if (trimmed.length < 10) return 'Say what changed from the published version and why (at least 10 characters): it is shown on the new version';
  if (trimmed.length > CORRECTION_NOTE_MAX) return `The note can be at most ${CORRECTION_NOTE_MAX} characters`;
  return null;
}
