/**
 * WRES indicator 1: the ethnic minority share of each pay band (or other row of the workforce table) as a
 * horizontal bar, against a vertical line at the share in the whole workforce. Bands whose bar stops short of the
 * line have fewer ethnic minority staff than the workforce as a whole would suggest — the usual pattern of
 * representation falling with seniority. Each bar is labelled with the percentage and the counts behind it
 * ("24.4% (50 of 205)"), so small bands can be seen to be small. Rows with no staff are left out; rows can be
 * grouped (non-clinical, clinical, medical and dental) under a label for each group.
 */
import type * as Plot from '@observablehq/plot';
import { linearAxis } from './axes.ts';
import { boxes, lineStep, segments, texts, type Box, type Segment, type TextItem } from './marks.ts';
import { chartWidth, positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { finite, formatCount, formatPct, textWidth, wrapText } from './text.ts';
import { COLOUR, DEFAULT_WIDTH, FONT, PAD } from './theme.ts';

export interface BandShare {
  /** The row, e.g. "Band 5" or "Consultants". */
  readonly label: string;
  /** Optional heading the row sits under, e.g. "Clinical"; consecutive rows with the same group share it. */
  readonly group?: string;
  /** Ethnic minority headcount in the row. */
  readonly count: number;
  /** Everyone in the row, unknown ethnicity included. */
  readonly total: number;
}

export interface HeadcountShare {
  readonly count: number;
  readonly total: number;
}

export interface RepresentationByBandOptions extends ChartOptions {
  /** The same share for the whole workforce, drawn as the reference line. */
  readonly workforce: HeadcountShare;
  /** Words under the axis; default "Ethnic minority staff, percentage of each row". */
  readonly axisLabel?: string;
}

interface Row {
  readonly label: string;
  readonly group: string | null;
  readonly count: number;
  readonly total: number;
  readonly pct: number;
}

function share(count: number, total: number): number | null {
  const c = finite(count);
  const t = finite(total);
  if (c === null || t === null || t <= 0 || c < 0) return null;
  if (c > t) throw new RangeError(`A count (${c}) cannot exceed its total (${t})`);
  return (c / t) * 100;
}

function rowsWithStaff(rows: readonly BandShare[]): Row[] {
  const kept: Row[] = [];
  for (const r of rows) {
    const pct = share(r.count, r.total);
    if (pct === null) continue;
    kept.push({ label: r.label.trim() || '(no label)', group: r.group?.trim() || null, count: r.count, total: r.total, pct });
  }
  return kept;
}

function countsText(count: number, total: number): string {
  return `${formatCount(count)} of ${formatCount(total)}`;
}

/** Where the whole workforce stands, and the range across rows, in numbers. */
export function describeRepresentation(rows: readonly BandShare[], workforce: HeadcountShare): string {
  const kept = rowsWithStaff(rows);
  const overall = share(workforce.count, workforce.total);
  if (overall === null || kept.length === 0) return 'No data.';
  const first = `Ethnic minority staff are ${formatPct(overall)} of the whole workforce (${countsText(workforce.count, workforce.total)}).`;
  if (kept.length === 1) {
    const only = kept[0]!;
    return `${first} In ${only.label} they are ${formatPct(only.pct)} (${countsText(only.count, only.total)}).`;
  }
  const sorted = [...kept].sort((a, b) => a.pct - b.pct);
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const belowCount = kept.filter((r) => r.pct < overall).length;
  return `${first} Across the ${kept.length} rows shown the share ranges from ${formatPct(low.pct)} (${low.label}) ` +
    `to ${formatPct(high.pct)} (${high.label}); ${belowCount} of ${kept.length} rows are below the whole-workforce share.`;
}

const LABEL_LINE = lineStep(FONT.label);
const SMALL_LINE = lineStep(FONT.small);
const BAR = 20;
const TICK = 6;

export function representationByBand(rows: readonly BandShare[], options: RepresentationByBandOptions): string {
  const width = chartWidth(options.width, DEFAULT_WIDTH);
  const text = { id: options.id, title: options.title, description: options.description ?? describeRepresentation(rows, options.workforce) };
  const kept = rowsWithStaff(rows);
  const overall = share(options.workforce.count, options.workforce.total);
  if (kept.length === 0 || overall === null) return renderMessage(text, width, 'No data');

  const left = PAD + 12;
  const right = width - PAD - 20;
  const axis = linearAxis(Math.max(...kept.map((r) => r.pct), overall, 1), 5, 100);
  const x = positionScale({ type: 'linear', domain: [0, axis.max], range: [left, right] });

  // The reference line's label sits at the top.
  const referenceText = `Whole workforce ${formatPct(overall)}`;
  const referenceW = textWidth(referenceText, FONT.small, true);
  const referenceX = x(overall);
  const referenceLabel: TextItem = {
    x: Math.min(width - PAD - referenceW / 2, Math.max(PAD + referenceW / 2, referenceX)),
    y: PAD,
    text: referenceText,
  };
  const rowsTop = PAD + SMALL_LINE + 8;

  const groupItems: TextItem[] = [];
  const labelItems: TextItem[] = [];
  const outside: TextItem[] = [];
  const inside: TextItem[] = [];
  const onLabelLine: TextItem[] = [];
  const bars: Box[] = [];
  const baselines: Segment[] = [];
  let y = rowsTop;
  let group: string | null = null;
  for (const row of kept) {
    if (row.group !== null && row.group !== group) {
      if (y > rowsTop) y += 8;
      const lines = wrapText(row.group, width - 2 * PAD, FONT.label, true);
      groupItems.push({ x: PAD, y, text: lines.join('\n') });
      y += lines.length * LABEL_LINE + 4;
    }
    group = row.group;
    const valueText = `${formatPct(row.pct)} (${countsText(row.count, row.total)})`;
    const valueW = textWidth(valueText, FONT.label);
    const barEnd = x(row.pct);
    let placement: 'outside' | 'inside' | 'labelLine';
    if (barEnd + 6 + valueW <= width - PAD) placement = 'outside';
    else if (barEnd - left >= valueW + 12) placement = 'inside';
    else placement = 'labelLine';
    const lines = wrapText(row.label, width - 2 * PAD - (placement === 'labelLine' ? valueW + 12 : 0), FONT.label);
    labelItems.push({ x: PAD, y, text: lines.join('\n') });
    if (placement === 'labelLine') onLabelLine.push({ x: width - PAD, y, text: valueText });
    const barTop = y + lines.length * LABEL_LINE + 4;
    const cy = barTop + BAR / 2;
    bars.push({ x1: left, y1: barTop, x2: barEnd, y2: barTop + BAR });
    baselines.push({ x1: left, y1: barTop - 3, x2: left, y2: barTop + BAR + 3 });
    if (placement === 'outside') outside.push({ x: barEnd + 6, y: cy, text: valueText });
    else if (placement === 'inside') inside.push({ x: barEnd - 6, y: cy, text: valueText });
    y = barTop + BAR + 12;
  }
  const axisY = y - 4;
  const tickItems: TextItem[] = axis.ticks.map((t) => ({ x: x(t), y: axisY + TICK + 3, text: `${t}%` }));
  let below = axisY + TICK + 3 + SMALL_LINE + 6;
  const axisLabelLines = wrapText(options.axisLabel ?? 'Ethnic minority staff, percentage of each row', width - 2 * PAD, FONT.small);
  const axisLabel: TextItem = { x: (left + right) / 2, y: below, text: axisLabelLines.join('\n') };
  below += axisLabelLines.length * SMALL_LINE;
  const height = below + PAD;

  const reference: Segment = { x1: referenceX, y1: PAD + SMALL_LINE + 2, x2: referenceX, y2: axisY };
  const marks: Plot.Markish[] = [
    segments(axis.ticks.filter((t) => t > 0).map((t) => ({ x1: x(t), y1: rowsTop, x2: x(t), y2: axisY })), { stroke: COLOUR.paleGrey }),
    boxes(bars, { fill: COLOUR.blue }),
    segments(baselines, { stroke: COLOUR.ink, width: 1.5 }),
    // A white edge keeps the dashed line visible where it crosses a bar.
    segments([reference], { stroke: COLOUR.white, width: 5 }),
    segments([reference], { stroke: COLOUR.darkPink, width: 2, dash: '6,3' }),
    texts([referenceLabel], { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small, bold: true, fill: COLOUR.darkPink }),
    segments([{ x1: left, y1: axisY, x2: right, y2: axisY }], { stroke: COLOUR.ink }),
    segments(axis.ticks.map((t) => ({ x1: x(t), y1: axisY, x2: x(t), y2: axisY + TICK })), { stroke: COLOUR.ink }),
    texts(tickItems, { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    texts([axisLabel], { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    texts(groupItems, { anchor: 'start', lineAnchor: 'top', bold: true }),
    texts(labelItems, { anchor: 'start', lineAnchor: 'top' }),
    texts(outside, { anchor: 'start' }),
    texts(inside, { anchor: 'end', fill: COLOUR.white, halo: COLOUR.blue }),
    texts(onLabelLine, { anchor: 'end', lineAnchor: 'top' }),
  ];
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
