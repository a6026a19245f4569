/**
 * What a breakdown page shows of its rows (WRES indicators 2 to 4, WDES metrics 2 and 3): groups with nobody in them
 * are named on one line instead of a row each; groups with people but no figure to read keep their row, saying why
 * there is no figure, and show no ratio, arrow or non-adverse flag; the rest are shown as they are. Pure, and it
 * never undoes disclosure control: a withheld row stays a withheld row (whether anyone is in it is not known), and
 * only groups whose counts the page already shows (0 people, which is not a small count under
 * core/stats/disclosure.ts) are named as having nobody. The CSV downloads keep every row.
 *
 * "No figure" covers the ratios that cannot be calculated (nobody on one side, or no events in the denominator
 * group) and a ratio of 0, which comes from no events at all in the numerator group: its interval runs from 0 to the
 * Haldane–Anscombe upper limit (often 20 or more), so it says nothing about the group and would be drawn as a point
 * at the edge of the chart with an arrow across it.
 */
import type { RatioBreakdownRow } from '../../core/indicators/evaluate-ratio.ts';
import { chartId } from '../charts/chart-id.ts';
import type { ForestRow } from '../charts/forest-plot.ts';
import { forestPlot } from '../charts/index.ts';

/** Which side of each row holds the group the row is about: 'both' for a staff group, band or directorate. */
export type OwnSide = 'both' | 'numerator' | 'denominator';

export interface BreakdownWords {
  /** Each side's column heading, e.g. "Group's staff" and "White staff". */
  readonly numeratorHeading: string;
  readonly denominatorHeading: string;
  /** What the event is, in the past: "entered a formal disciplinary investigation". */
  readonly eventPast: string;
}

export interface ShownRow extends RatioBreakdownRow {
  /** Why there is no figure to read, for the table; null when there is one (or the row is withheld). */
  readonly noFigure: string | null;
  /** The same, in a few words for the chart. */
  readonly noFigureShort: string | null;
}

export interface BreakdownDisplay {
  readonly rows: readonly ShownRow[];
  /** The labels of the groups with nobody in them, in the breakdown's order. */
  readonly nobody: readonly string[];
}

/** "Group's staff" → "people in this group"; "Ethnic minority staff" → "ethnic minority staff"; White, Black and Disabled keep their capitals. */
function who(heading: string): string {
  if (/^group's\b/i.test(heading)) return 'people in this group';
  return /^(White|Black|Disabled)\b/.test(heading) ? heading : heading.charAt(0).toLowerCase() + heading.slice(1);
}

function hasNobody(row: RatioBreakdownRow, own: OwnSide): boolean {
  if (row.suppressed || !row.numerator || !row.denominator) return false;
  if (own === 'numerator') return row.numerator.population === 0;
  if (own === 'denominator') return row.denominator.population === 0;
  return row.numerator.population === 0 && row.denominator.population === 0;
}

function noFigure(row: RatioBreakdownRow, words: BreakdownWords): { long: string; short: string } | null {
  if (row.suppressed || !row.numerator || !row.denominator) return null;
  if (row.value !== null && row.value > 0) return null;
  const sides = [
    { count: row.numerator, who: who(words.numeratorHeading) },
    { count: row.denominator, who: who(words.denominatorHeading) },
  ];
  const empty = sides.find((s) => s.count.population === 0);
  if (empty) return { long: `No figure: there are no ${empty.who}, so there is nobody to compare with.`, short: `no figure: no ${empty.who}` };
  const none = sides.filter((s) => s.count.events === 0);
  if (none.length === 2) {
    return {
      long: `No figure: nobody on either side ${words.eventPast} (0 of ${sides[0]!.count.population.toLocaleString('en-GB')} and 0 of ${sides[1]!.count.population.toLocaleString('en-GB')}).`,
      short: 'no figure: no events on either side',
    };
  }
  const side = none[0];
  if (!side) return { long: 'No figure: the relative likelihood cannot be calculated.', short: 'no figure' };
  return {
    long: `No figure: none of the ${side.count.population.toLocaleString('en-GB')} ${side.who} ${words.eventPast}, so there is no likelihood to compare.`,
    short: side.who === 'people in this group' ? 'no figure: no events in this group' : `no figure: no events among ${side.who}`,
  };
}

/** The rows a breakdown page shows, and the groups with nobody in them. */
export function breakdownDisplay(rows: readonly RatioBreakdownRow[], own: OwnSide, words: BreakdownWords): BreakdownDisplay {
  const nobody: string[] = [];
  const shown: ShownRow[] = [];
  for (const row of rows) {
    if (hasNobody(row, own)) {
      nobody.push(row.label);
      continue;
    }
    const why = noFigure(row, words);
    shown.push({ ...row, noFigure: why?.long ?? null, noFigureShort: why?.short ?? null });
  }
  return { rows: shown, nobody };
}

/** The shown rows as forest rows: withheld rows say "withheld", rows without a figure say why in a few words. */
export function forestRowsFromShown(rows: readonly ShownRow[]): ForestRow[] {
  return rows.map((row) => {
    if (row.suppressed) return { label: row.label, value: null, ci95: null, note: 'withheld' };
    if (row.noFigureShort) return { label: row.label, value: null, ci95: null, note: row.noFigureShort };
    return {
      label: row.label, value: row.value, ci95: row.ci95 ? [row.ci95[0], row.ci95[1]] : null,
      ...(row.smallNumbers ? { note: 'small numbers' } : {}),
    };
  });
}

/** The viewBox width of the forest plot drawn for wide screens; phones get the default (400), whose text stays legible when shrunk. */
export const WIDE_CHART_WIDTH = 760;

/**
 * A breakdown's forest plot twice: at the default width for phones and at WIDE_CHART_WIDTH for wider screens, each
 * shown by the stylesheet at its own widths (.mirror-chart--narrow, .mirror-chart--wide), so the chart uses the
 * page's width on a computer and keeps readable text on a phone. Only one is ever displayed. Null when no row has a
 * figure to draw.
 */
export function breakdownCharts(rows: readonly ShownRow[], chart: { prefix: string; key: string; title: string }): { chart: string | null; chartWide: string | null } {
  // With no figure to draw, an empty axis would only repeat the table's "withheld" and "no figure": no chart.
  if (!rows.some((row) => !row.suppressed && !row.noFigure && row.value !== null)) return { chart: null, chartWide: null };
  const forest = forestRowsFromShown(rows);
  const options = { title: chart.title, axisLabel: 'Relative likelihood (log scale)' };
  return {
    chart: forestPlot(forest, { ...options, id: chartId(chart.prefix, chart.key) }),
    chartWide: forestPlot(forest, { ...options, id: chartId(`${chart.prefix}-wide`, chart.key), width: WIDE_CHART_WIDTH }),
  };
}
