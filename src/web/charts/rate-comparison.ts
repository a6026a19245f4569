/**
 * Rates for two or three groups side by side — for example the proportion of White, ethnic minority and
 * unknown-ethnicity applicants appointed from shortlisting, or the percentage of each group answering a staff
 * survey question positively. Each group is a horizontal bar from zero with its 95% interval as a whisker and the
 * value written at the end, so the size of the gap and the uncertainty around it can be read together without
 * relying on colour: every bar is named above it.
 */
import type * as Plot from '@observablehq/plot';
import { linearAxis } from './axes.ts';
import { boxes, lineStep, segments, texts, type Box, type Segment, type TextItem } from './marks.ts';
import { chartWidth, positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { finite, finiteInterval, formatPct, textWidth, wrapText } from './text.ts';
import { COLOUR, DEFAULT_WIDTH, FONT, PAD, SERIES_FILLS } from './theme.ts';

export interface RateGroup {
  readonly label: string;
  /** A rate (0–1) or a percentage (0–100), as `unit` says; null when there is no figure. */
  readonly value: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Words shown in place of a bar when value is null; default "no figure". */
  readonly note?: string;
}

export interface RateComparisonOptions extends ChartOptions {
  /** 'rate' for 0–1 values (shown as percentages), 'pct' for 0–100. */
  readonly unit: 'rate' | 'pct';
  /** Words under the axis; default "Percentage". */
  readonly axisLabel?: string;
}

interface Cleaned {
  readonly label: string;
  /** As a percentage. */
  readonly pct: number | null;
  readonly ci: [number, number] | null;
  readonly note: string;
}

function clean(group: RateGroup, unit: 'rate' | 'pct'): Cleaned {
  const scale = unit === 'rate' ? 100 : 1;
  const value = finite(group.value);
  const ci = finiteInterval(group.ci95);
  return {
    label: group.label.trim() === '' ? '(no label)' : group.label.trim(),
    pct: value !== null && value >= 0 ? value * scale : null,
    ci: ci && ci[0] >= 0 ? [ci[0] * scale, ci[1] * scale] : null,
    note: group.note?.trim() || 'no figure',
  };
}

/** "White applicants 30.1% (95% interval 25.7% to 34.8%); ethnic minority applicants 19.8% (…). A difference of 10.3 percentage points." */
export function describeRates(groups: readonly RateGroup[], unit: 'rate' | 'pct'): string {
  const cleaned = groups.map((g) => clean(g, unit));
  if (cleaned.length === 0) return 'No data.';
  const parts = cleaned.map((g) =>
    g.pct === null
      ? `${g.label}: ${g.note}`
      : `${g.label} ${formatPct(g.pct)}${g.ci ? ` (95% interval ${formatPct(g.ci[0])} to ${formatPct(g.ci[1])})` : ''}`,
  );
  const known = cleaned.filter((g) => g.pct !== null);
  let sentence = `${parts.join('; ')}.`;
  if (known.length === 2) {
    const difference = Math.abs((known[0]!.pct ?? 0) - (known[1]!.pct ?? 0));
    sentence += ` A difference of ${difference.toFixed(1)} percentage points.`;
  }
  return sentence;
}

const LABEL_LINE = lineStep(FONT.label);
const SMALL_LINE = lineStep(FONT.small);
const BAR = 24;
const CAP = 7;
const TICK = 6;

export function rateComparison(groups: readonly RateGroup[], options: RateComparisonOptions): string {
  const width = chartWidth(options.width, DEFAULT_WIDTH);
  const text = { id: options.id, title: options.title, description: options.description ?? describeRates(groups, options.unit) };
  if (groups.length === 0) return renderMessage(text, width, 'No data');
  const cleaned = groups.map((g) => clean(g, options.unit));

  const left = PAD + 12;
  const right = width - PAD - 20;
  // Make room for every value label to the right of its bar and whisker.
  const ends = cleaned.map((g) => (g.pct === null ? 0 : Math.max(g.pct, g.ci ? g.ci[1] : 0)));
  const axis = linearAxis(Math.max(1, ...ends), 4, 100);
  let domainMax = axis.max;
  cleaned.forEach((g, i) => {
    if (g.pct === null) return;
    const room = width - PAD - 8 - textWidth(formatPct(g.pct), FONT.label, true) - left - CAP / 2;
    const end = ends[i] ?? 0;
    if (room > 0 && end > 0) domainMax = Math.max(domainMax, (end * (right - left)) / room);
  });
  const x = positionScale({ type: 'linear', domain: [0, domainMax], range: [left, right] });

  const labelItems: TextItem[] = [];
  const valueItems: TextItem[] = [];
  const missingItems: TextItem[] = [];
  const barsByFill = new Map<string, Box[]>();
  const whiskers: Segment[] = [];
  const baselines: Segment[] = [];
  let y = PAD;
  cleaned.forEach((g, i) => {
    const top = y;
    const lines = wrapText(g.label, width - 2 * PAD, FONT.label);
    labelItems.push({ x: PAD, y: top, text: lines.join('\n') });
    const barTop = top + lines.length * LABEL_LINE + 6;
    const cy = barTop + BAR / 2;
    baselines.push({ x1: left, y1: barTop - 4, x2: left, y2: barTop + BAR + 4 });
    if (g.pct === null) {
      missingItems.push({ x: left + 8, y: cy, text: g.note });
    } else {
      const fill = SERIES_FILLS[i % SERIES_FILLS.length] ?? COLOUR.blue;
      const list = barsByFill.get(fill) ?? [];
      list.push({ x1: x(0), y1: barTop, x2: x(g.pct), y2: barTop + BAR });
      barsByFill.set(fill, list);
      let end = x(g.pct);
      if (g.ci) {
        const [lo, hi] = [x(g.ci[0]), x(g.ci[1])];
        whiskers.push(
          { x1: lo, y1: cy, x2: hi, y2: cy },
          { x1: lo, y1: cy - CAP, x2: lo, y2: cy + CAP },
          { x1: hi, y1: cy - CAP, x2: hi, y2: cy + CAP },
        );
        end = Math.max(end, hi + 1);
      }
      valueItems.push({ x: end + 8, y: cy, text: formatPct(g.pct) });
    }
    y = barTop + BAR + 14;
  });
  const rowsBottom = y - 6;

  const axisY = rowsBottom;
  const ticks = axis.ticks.filter((t) => t <= domainMax + 1e-9);
  const tickItems: TextItem[] = ticks.map((t) => ({ x: x(t), y: axisY + TICK + 3, text: `${t}%` }));
  let below = axisY + TICK + 3 + SMALL_LINE + 6;
  const axisLabelLines = wrapText(options.axisLabel ?? 'Percentage', width - 2 * PAD, FONT.small);
  const axisLabel: TextItem = { x: (left + right) / 2, y: below, text: axisLabelLines.join('\n') };
  below += axisLabelLines.length * SMALL_LINE;
  const height = below + PAD;

  const marks: Plot.Markish[] = [
    segments(ticks.filter((t) => t > 0).map((t) => ({ x1: x(t), y1: PAD, x2: x(t), y2: axisY })), { stroke: COLOUR.paleGrey }),
    ...[...barsByFill].map(([fill, list]) => boxes(list, { fill })),
    // The whisker has a white outline so that it shows against the bar and the background alike.
    segments(whiskers, { stroke: COLOUR.white, width: 5, cap: 'round' }),
    segments(whiskers, { stroke: COLOUR.ink, width: 2, cap: 'round' }),
    segments(baselines, { stroke: COLOUR.ink, width: 1.5 }),
    segments([{ x1: x(0), y1: axisY, x2: x(ticks[ticks.length - 1] ?? 0), y2: axisY }], { stroke: COLOUR.ink }),
    segments(ticks.map((t) => ({ x1: x(t), y1: axisY, x2: x(t), y2: axisY + TICK })), { stroke: COLOUR.ink }),
    texts(tickItems, { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    texts([axisLabel], { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    texts(labelItems, { anchor: 'start', lineAnchor: 'top' }),
    texts(valueItems, { anchor: 'start', bold: true }),
    texts(missingItems, { anchor: 'start', italic: true, fill: COLOUR.darkGrey }),
  ];
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
