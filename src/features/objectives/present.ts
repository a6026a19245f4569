/**
 * Figures and objectives in words for the pages: a figure as the dashboard writes it ("1.52", "28.7%"), its 95%
 * interval, the counts behind it, and the small-number flag. Never a ratio without its counts.
 */
import type { FigureKind, HeadlineFigure } from '../../core/act/headline.ts';
import { highImpactAction } from '../../core/act/high-impact-actions.ts';
import { OWNER_ROLES, type Progress, targetText } from '../../core/act/objectives.ts';
import type { IndicatorDefinition } from '../../core/indicators/definition.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { type Objective, REVIEW_STATUSES, type Review } from '../../store/objective-types.ts';
import { findMeasure, measureText, scopeText } from './service.ts';

const GROUP_LABELS: Readonly<Record<string, string>> = {
  white: 'White', ethnicMinority: 'Ethnic minority', unknown: 'Unknown', disabled: 'Disabled', nonDisabled: 'Non-disabled', board: 'Voting board members',
};

export function valueText(kind: FigureKind, value: number | null): string {
  if (value === null) return 'Not defined';
  if (kind === 'ratio') return value.toFixed(2);
  if (kind === 'representationGap') return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)} points`;
  return `${value.toFixed(1)}%`;
}

export interface FigureView {
  readonly year: number;
  readonly value: string;
  readonly interval: string | null;
  readonly counts: readonly string[];
  readonly smallNumbers: boolean;
}

/** "White applicants: 1,292 of 4,355 were appointed from shortlisting", "Ethnic minority: 15 of 50 respondents". */
function countText(figure: HeadlineFigure, c: HeadlineFigure['counts'][number], definition: IndicatorDefinition<string> | null): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const label = GROUP_LABELS[c.group] ?? c.group;
  if (figure.kind === 'ratio' && definition?.kind === 'ratio') return `${label} ${definition.wording.people}: ${n(c.events)} of ${n(c.population)} ${definition.wording.eventPast}`;
  if (figure.kind === 'proportion') return `${label}: ${n(c.events)} of ${n(c.population)} respondents`;
  if (figure.kind === 'representation') return `${label}: ${n(c.events)} of ${n(c.population)} staff`;
  if (figure.kind === 'representationGap') return `${n(c.events)} of ${n(c.population)} voting board members`;
  return `${label}: ${n(c.events)} of ${n(c.population)}`;
}

export function figureView(figure: HeadlineFigure, definition: IndicatorDefinition<string> | null = null): FigureView {
  const digits = figure.kind === 'ratio' ? 2 : 1;
  const suffix = figure.kind === 'ratio' ? '' : '%';
  return {
    year: figure.year,
    value: valueText(figure.kind, figure.value),
    interval: figure.ci95 ? `${figure.ci95[0].toFixed(digits)}${suffix} to ${figure.ci95[1].toFixed(digits)}${suffix}` : null,
    counts: figure.counts.map((c) => countText(figure, c, definition)),
    smallNumbers: figure.smallNumbers,
  };
}

const STATUS_TEXT: Readonly<Record<Progress['status'], { text: string; colour: string }>> = {
  'met': { text: 'Target met', colour: 'green' },
  'on-track': { text: 'On track', colour: 'blue' },
  'off-track': { text: 'Behind trajectory', colour: 'red' },
  'no-new-figure': { text: 'Awaiting next year', colour: 'grey' },
  'no-figure': { text: 'No figure', colour: 'grey' },
};

export function objectiveView(standards: StandardRegistry, objective: Objective, progress: Progress | null) {
  const definition = findMeasure(standards, objective.standard, objective.indicator)?.definition ?? null;
  return {
    id: objective.id,
    measure: measureText(standards, objective),
    scope: scopeText(objective.scope),
    target: targetText(objective.target, objective.baseline.kind),
    targetDate: objective.targetDate,
    owner: `${objective.ownerName}, ${OWNER_ROLES.find((r) => r.value === objective.ownerRole)?.text.toLowerCase() ?? objective.ownerRole}`,
    action: objective.action === null ? null : `${objective.action}. ${highImpactAction(objective.action)?.title ?? ''}`,
    baseline: figureView(objective.baseline, definition),
    latest: progress?.latest ? figureView(progress.latest, definition) : null,
    status: progress ? STATUS_TEXT[progress.status] : null,
    sentence: progress?.sentence ?? null,
  };
}

export function reviewView(review: Review) {
  return {
    at: `${review.at.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    by: review.by ?? 'A person whose account was removed',
    status: REVIEW_STATUSES.find((s) => s.value === review.status)?.text ?? review.status,
    note: review.note,
  };
}
