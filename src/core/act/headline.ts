/**
 * The one figure an objective follows, read from any standard's report by the indicator's declared kind: a relative
 * likelihood (with the two compared groups' events and populations), the percentage of the group the standard
 * focuses on (ethnic minority, Disabled) answering a survey item, that group's share of the workforce, or its gap
 * between the board and the workforce. Every figure keeps the counts behind it and its 95% interval, so a baseline
 * can be shown as the report shows it. Pure: it reads the report as it is; anything withheld stays withheld.
 */
import type { IndicatorDefinition } from '../indicators/definition.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';

type Interval = readonly [number, number];

/** The groups a standard compares, as its reports name them: the group it focuses on first. */
const FOCUS_GROUPS = ['ethnicMinority', 'disabled'] as const;

export interface FigureCount {
  /** The group's key in the report ("ethnicMinority", "white"), or "board" for a board gap. */
  readonly group: string;
  readonly events: number;
  readonly population: number;
}

export type FigureKind = 'ratio' | 'proportion' | 'representation' | 'representationGap';

/** An indicator's headline figure in one reporting year. */
export interface HeadlineFigure {
  readonly year: number;
  readonly kind: FigureKind;
  /** Relative likelihood; percentage (0–100); or percentage points for a gap. Null when not defined. */
  readonly value: number | null;
  readonly ci95: Interval | null;
  /** Ratio: numerator group then denominator group. Proportion: focus group then the other (the focus group alone for an item asked of it only). Otherwise the focus group. */
  readonly counts: readonly FigureCount[];
  readonly smallNumbers: boolean;
  /** What parity is for this figure: 1 for a ratio, the other group's percentage for a proportion, 0 for a gap; null for a share or an item asked of one group only. */
  readonly parity: number | null;
}

export type HeadlineResult =
  | { readonly available: true; readonly figure: HeadlineFigure }
  | { readonly available: false; readonly reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const interval = (v: unknown): Interval | null =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' ? [v[0], v[1]] : null;

/** The report's results by indicator id: `indicators` (WRES, the medical workforce) or `metrics` (WDES). */
export function indicatorResults(report: unknown): Readonly<Record<string, unknown>> | null {
  if (!isObject(report)) return null;
  const results = report['indicators'] ?? report['metrics'];
  return isObject(results) ? results : null;
}

function focusOf(groups: Readonly<Record<string, unknown>>): string | null {
  return FOCUS_GROUPS.find((g) => g in groups) ?? null;
}

/** The headline figure of one indicator of a report, or why there is none. */
export function headlineFigure(definition: IndicatorDefinition<string>, report: unknown, year: number): HeadlineResult {
  const result = indicatorResults(report)?.[definition.id];
  if (!isObject(result)) return { available: false, reason: `the report has no indicator ${definition.id}` };
  if (result['available'] === false) return { available: false, reason: typeof result['reason'] === 'string' ? result['reason'] : 'not available' };
  switch (definition.kind) {
    case 'ratio': {
      const groups = isObject(result['groups']) ? result['groups'] : {};
      const side = (g: string): FigureCount | null => {
        const rate = groups[g];
        return isObject(rate) && num(rate['events']) !== null && num(rate['population']) !== null
          ? { group: g, events: rate['events'] as number, population: rate['population'] as number } : null;
      };
      const numerator = side(definition.numeratorGroup);
      const denominator = side(definition.denominatorGroup);
      if (!numerator || !denominator) return { available: false, reason: 'the counts behind this figure are withheld' };
      return {
        available: true,
        figure: {
          year, kind: 'ratio', value: num(result['value']), ci95: interval(result['ci95']), counts: [numerator, denominator],
          smallNumbers: result['smallNumbers'] === true, parity: 1,
        },
      };
    }
    case 'proportion': {
      const groups = isObject(result['groups']) ? result['groups'] : {};
      const focus = focusOf(groups);
      const other = definition.groups.find((g) => g !== focus);
      const f = focus ? groups[focus] : null;
      const o = other ? groups[other] : null;
      const count = (g: string, p: Record<string, unknown>): FigureCount => ({ group: g, events: num(p['positive']) ?? 0, population: num(p['respondents']) ?? 0 });
      // An item asked of the focus group only (WDES metric 8: Disabled staff): its percentage, with no parity.
      if (focus && other === undefined && isObject(f)) {
        return {
          available: true,
          figure: { year, kind: 'proportion', value: num(f['pct']), ci95: interval(f['ci95']), counts: [count(focus, f)], smallNumbers: f['smallNumbers'] === true, parity: null },
        };
      }
      if (!focus || !other || !isObject(f) || !isObject(o)) return { available: false, reason: 'the report has no figure for the group compared' };
      return {
        available: true,
        figure: {
          year, kind: 'proportion', value: num(f['pct']), ci95: interval(f['ci95']), counts: [count(focus, f), count(other, o)],
          smallNumbers: f['smallNumbers'] === true || o['smallNumbers'] === true, parity: num(o['pct']),
        },
      };
    }
    case 'representation': {
      const overall = isObject(result['overall']) ? result['overall'] : {};
      // A scope's overall shares withheld to protect identities (core/scopes/scoped-shares.ts).
      if (overall['suppressed'] === true) return { available: false, reason: typeof overall['suppressionReason'] === 'string' ? overall['suppressionReason'] : 'withheld to protect identities' };
      const focus = focusOf(overall);
      const share = focus ? overall[focus] : null;
      const total = num(overall['total']);
      if (!focus || !isObject(share) || total === null) return { available: false, reason: 'the report has no share for the group' };
      const events = num(share['count']) ?? 0;
      const ci = wilsonInterval(events, total);
      return {
        available: true,
        figure: {
          year, kind: 'representation', value: num(share['pct']), ci95: ci ? [ci[0] * 100, ci[1] * 100] : null,
          counts: [{ group: focus, events, population: total }], smallNumbers: false, parity: null,
        },
      };
    }
    case 'representationGap': {
      const voting = result['voting'];
      if (!isObject(voting)) return { available: false, reason: 'the report has no board figure' };
      return {
        available: true,
        figure: {
          year, kind: 'representationGap', value: num(voting['differencePp']), ci95: null,
          counts: [{ group: 'board', events: num(voting['boardCount']) ?? 0, population: num(voting['boardTotal']) ?? 0 }],
          // A board is a whole population, not a sample: no interval, and fewer than 10 members is small.
          smallNumbers: (num(voting['boardTotal']) ?? 0) < 10, parity: 0,
        },
      };
    }
  }
}
