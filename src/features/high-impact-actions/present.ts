/**
 * The high-impact actions' page and CSV: each metric's figures in words with their counts and 95% intervals, the
 * entered figures with their source, and the objectives and interventions serving each action.
 */
import type { FigureCount, HeadlineFigure } from '../../core/act/headline.ts';
import type { MetricSource } from '../../core/actions/success-metrics.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { CsvCell } from '../../web/csv-download.ts';
import { interventionName } from '../interventions/service.ts';
import type { ActionView, ComputedFigure } from './service.ts';

const GROUPS: Readonly<Record<string, string>> = { ethnicMinority: 'ethnic minority', white: 'White', disabled: 'Disabled', nonDisabled: 'non-disabled', board: 'board' };
const n = (x: number) => x.toLocaleString('en-GB');
const pct = (x: number) => `${x.toFixed(1)}%`;

export interface FigureLine {
  readonly label: string;
  readonly href: string;
  readonly available: boolean;
  readonly value: string;
  readonly interval: string;
  readonly counts: string;
  readonly smallNumbers: boolean;
}

function shownValue(f: HeadlineFigure): { value: string; interval: string } {
  if (f.value === null) return { value: 'No figure', interval: 'None' };
  if (f.kind === 'ratio') return { value: f.value.toFixed(2), interval: f.ci95 ? `${f.ci95[0].toFixed(2)} to ${f.ci95[1].toFixed(2)}` : 'None' };
  return { value: pct(f.value), interval: f.ci95 ? `${pct(f.ci95[0])} to ${pct(f.ci95[1])}` : 'None' };
}

function countsOf(f: HeadlineFigure): string {
  return f.counts.map((c: FigureCount) => `${GROUPS[c.group] ?? c.group}: ${n(c.events)} of ${n(c.population)}${f.kind === 'proportion' && f.parity !== null && c === f.counts[1] ? ` (${pct(f.parity)})` : ''}`).join('; ');
}

function labelOf(standards: StandardRegistry, source: MetricSource, base: string): { label: string; href: string } {
  switch (source.kind) {
    case 'indicator': {
      const title = standards.get(source.standard)?.indicators.find((i) => i.id === source.indicator)?.title ?? '';
      const name = source.standard === 'wres' ? `WRES indicator ${source.indicator}` : `WDES metric ${source.indicator.replace('_', ' ')}`;
      return { label: `${name}: ${title}`, href: source.standard === 'wres' ? `${base}/indicators/${source.indicator}` : `${base}/wdes` };
    }
    case 'seniorShare':
      return source.standard === 'wres'
        ? { label: 'WRES indicator 1: ethnic minority staff\'s share of Band 8c and above (8c, 8d, 9 and VSM)', href: `${base}/targets` }
        : { label: 'WDES metric 1: Disabled staff\'s share of Band 8c and above (8c, 8d, 9 and VSM)', href: `${base}/wdes/targets` };
    case 'shortlistedShare':
      return source.standard === 'wres'
        ? { label: 'WRES indicator 2\'s counts: ethnic minority applicants\' share of everyone shortlisted (White and ethnic minority)', href: `${base}/indicators/2` }
        : { label: 'WDES metric 2\'s counts: Disabled applicants\' share of everyone shortlisted (Disabled and non-disabled)', href: `${base}/wdes` };
    case 'payGap':
      return { label: `The ${source.characteristic} pay gap (mean hourly pay; median beside it)`, href: `${base}/paygap` };
  }
}

export function figureLine(standards: StandardRegistry, figure: ComputedFigure, base: string): FigureLine {
  const { label, href } = labelOf(standards, figure.source, base);
  if (figure.kind === 'payGap') {
    const g = figure.gap;
    if (!g) return { label, href, available: false, value: 'None', interval: 'None', counts: 'No pay data for the year', smallNumbers: false };
    if (g.meanGapPct === null) return { label, href, available: false, value: 'None', interval: 'None', counts: g.reasonText ?? 'Withheld', smallNumbers: false };
    const people = (x: number | null) => (x === null ? 'withheld' : n(x));
    return {
      label, href, available: true,
      value: `${pct(g.meanGapPct)} mean${g.medianGapPct === null ? '' : `; ${pct(g.medianGapPct)} median`}`,
      interval: g.meanGapCi95 ? `${pct(g.meanGapCi95[0])} to ${pct(g.meanGapCi95[1])} (mean)` : (g.meanGapCiNote ?? 'None'),
      counts: `${people(g.hourlyPay.group.people)} people compared with ${people(g.hourlyPay.reference.people)}. ${g.statement}`,
      smallNumbers: g.smallNumbers,
    };
  }
  if (!figure.result.available) return { label, href, available: false, value: 'None', interval: 'None', counts: `No figure: ${figure.result.reason}`, smallNumbers: false };
  const f = figure.result.figure;
  return { label, href, available: true, ...shownValue(f), counts: countsOf(f), smallNumbers: f.smallNumbers };
}

export function actionsView(standards: StandardRegistry, actions: readonly ActionView[], base: string, orgBase: string, removeLink: (id: number) => string) {
  return actions.map((a) => ({
    id: a.action.id, title: a.action.title,
    metrics: a.metrics.map((m) => ({
      id: m.metric.id, text: m.metric.text, computed: m.metric.computed.length > 0,
      figures: m.figures.map((f) => figureLine(standards, f, base)),
      entry: m.entry ? { value: m.entry.value, source: m.entry.source, sourceYear: m.entry.sourceYear } : null,
    })),
    objectives: a.objectives.map((o) => ({
      text: `Objective ${o.item.id}: ${o.item.standard.toUpperCase()} ${o.item.indicator}, by ${o.item.targetDate}; owner ${o.item.ownerName}`,
      href: `${orgBase}/objectives/${o.item.id}`, removeAction: o.linkId === null ? null : removeLink(o.linkId),
    })),
    interventions: a.interventions.map((i) => ({
      text: `${interventionName(i.item)} (${i.item.status.replace('-', ' ')}), under objective ${i.item.objectiveId}`,
      href: `${orgBase}/objectives/${i.item.objectiveId}/interventions/${i.item.id}`, removeAction: i.linkId === null ? null : removeLink(i.linkId),
    })),
  }));
}

export const ACTIONS_CSV_HEADER = ['year', 'action', 'metric', 'metric_text', 'figure', 'value', 'interval_95', 'counts', 'entered_value', 'entered_source', 'entered_source_year'] as const;

/** One row per computed figure (or one per metric without any), with the entered figure beside it. */
export function actionsCsvRows(standards: StandardRegistry, actions: readonly ActionView[], year: number, base: string): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const a of actions) {
    for (const m of a.metrics) {
      const entered = [m.entry?.value ?? '', m.entry?.source ?? '', m.entry?.sourceYear ?? ''];
      if (m.figures.length === 0) rows.push([year, a.action.id, m.metric.id, m.metric.text, '', '', '', '', ...entered]);
      for (const f of m.figures) {
        const line = figureLine(standards, f, base);
        rows.push([year, a.action.id, m.metric.id, m.metric.text, line.label, line.value, line.interval, line.counts, ...entered]);
      }
    }
  }
  return rows;
}
