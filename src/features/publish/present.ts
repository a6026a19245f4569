/**
 * A published report in words, charts and tables for its page, from the snapshot alone (so a version reads the same
 * for as long as it is kept): each standard's relative likelihoods as a forest plot followed by the table of every
 * figure with its interval and counts; the EDS 2022 summary (agreed ratings); the objectives with their progress; the
 * shared evaluations; and the versions.
 */
import type { PublicFigure, PublishedReport } from '../../core/publish/report.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { PublishedVersion } from '../../store/publication-types.ts';
import { chartId, forestPlot, type ForestRow } from '../../web/charts/index.ts';
import { figureView } from '../objectives/present.ts';
import { findMeasure } from '../objectives/service.ts';

/** "/public/RXX", "/public/RXX/2025", "/public/RXX/2025/v2". */
export function publicPath(code: string, year?: number, version?: number): string {
  return `/public/${encodeURIComponent(code)}${year === undefined ? '' : `/${year}`}${version === undefined ? '' : `/v${version}`}`;
}

/** WDES 4a's three parts as the WDES pages number them. */
const DISPLAY_ID: Readonly<Record<string, string>> = { '4a_patients': '4a (i)', '4a_managers': '4a (ii)', '4a_colleagues': '4a (iii)' };
const displayId = (id: string) => DISPLAY_ID[id] ?? id;

export interface FigureRow {
  readonly indicator: string;
  readonly title: string;
  readonly status: PublicFigure['status'];
  readonly value: string;
  readonly interval: string;
  readonly counts: readonly string[];
  readonly smallNumbers: boolean;
  readonly note: string | null;
  readonly statement: string | null;
}

export function figureRow(f: PublicFigure, standards: StandardRegistry): FigureRow {
  const base = { indicator: displayId(f.indicator), title: f.title, status: f.status, note: f.note, statement: f.statement };
  if (f.status !== 'shown' || f.kind === null) return { ...base, value: f.status === 'withheld' ? 'Withheld' : 'Not available', interval: '', counts: [], smallNumbers: false };
  const definition = findMeasure(standards, f.standard, f.indicator)?.definition ?? null;
  const view = figureView({ year: f.year, kind: f.kind, value: f.value, ci95: f.ci95, counts: f.counts, smallNumbers: f.smallNumbers, parity: null }, definition);
  return { ...base, value: view.value, interval: view.interval ?? 'None', counts: view.counts, smallNumbers: view.smallNumbers };
}

function forestRows(figures: readonly PublicFigure[]): ForestRow[] {
  return figures.filter((f) => f.kind === 'ratio').map((f) => ({
    label: `${displayId(f.indicator)}. ${f.title}`,
    value: f.status === 'shown' ? f.value : null,
    ci95: f.status === 'shown' ? f.ci95 : null,
    note: f.status === 'withheld' ? 'withheld' : f.status === 'unavailable' ? 'not available' : f.smallNumbers ? 'small numbers' : undefined,
  }));
}

export function reportView(report: PublishedReport, standards: StandardRegistry) {
  return {
    summary: report.summary,
    standards: report.standards.map((s) => {
      const figures = s.figures ?? [];
      const ratios = forestRows(figures);
      return {
        id: s.id, name: s.name, shortName: s.shortName, imported: s.figures !== null,
        chart: ratios.length ? forestPlot(ratios, { id: chartId(`pub-${s.id}`, 'ratios'), title: `${s.shortName}: relative likelihoods with their 95% intervals`, width: 640 }) : null,
        chartCaption: `${s.shortName}: each relative likelihood with its 95% interval, on a log scale. 1 is equal; the shaded band is 0.80 to 1.25. The table below gives the same figures with their counts.`,
        rows: figures.map((f) => figureRow(f, standards)),
      };
    }),
    payGaps: report.payGaps,
    narrative: report.narrative ? { answer: report.narrative.answer === null ? 'Not given' : report.narrative.answer ? 'Yes' : 'No', text: report.narrative.text } : null,
    objectives: report.objectives.map((o) => ({
      ...o,
      baseline: figureRow(o.baseline, standards),
      baselineYear: o.baseline.year,
      latest: o.latest ? figureRow(o.latest, standards) : null,
      latestYear: o.latest?.year ?? null,
    })),
    evaluations: report.evaluations.map((e) => ({ ...e, objectiveMeasure: report.objectives.find((o) => o.number === e.objective)?.measure ?? '' })),
    minimumCellSize: report.disclosure.minimumCellSize,
    eds: edsView(report.eds),
    reports: reportsView(report.reports),
  };
}

/** The year's reports through Mirror: a row per category and the total, a withheld figure said in words. */
function reportsView(reports: PublishedReport['reports']) {
  if (!reports) return null;
  const words = (n: number | null) => (n === null ? 'Withheld' : n.toLocaleString('en-GB'));
  return {
    total: words(reports.total),
    withheld: reports.withheld,
    rows: reports.categories.map((c) => ({ label: c.label, reports: words(c.reports) })),
  };
}

/** The EDS summary's words: `included` is false for versions assembled before the summary was published. */
function edsView(eds: PublishedReport['eds']) {
  if (eds === undefined) return { included: false, summary: null };
  if (eds === null) return { included: true, summary: null };
  const rated = `${eds.rated} of ${eds.outcomes} outcomes`;
  return {
    included: true,
    summary: {
      overall: eds.rating === null
        ? `${eds.score} so far, from ${rated} rated: no overall rating until every outcome has an agreed rating`
        : `${eds.score} of ${eds.maximum}: ${eds.rating}/${eds.ratingLabel}`,
      thresholds: `${eds.thresholds.description}`,
      domains: eds.domains.map((d) => ({
        id: d.id, title: d.title, total: `${d.score} (${d.rated} of ${d.outcomes.length} outcomes rated)`,
        rows: d.outcomes.map((o) => ({ id: o.id, wording: o.wording, rating: o.rating === null ? 'Not rated' : `${o.rating}/${o.ratingLabel}` })),
      })),
    },
  };
}

/** The versions of a year, newest first, each with its address and note. */
export function versionsView(code: string, versions: readonly PublishedVersion[], current: number | null) {
  return versions.map((v) => ({
    version: v.version!,
    year: v.year,
    href: publicPath(code, v.year, v.version!),
    published: v.publishedAt?.toISOString().slice(0, 10) ?? '',
    correctionNote: v.correctionNote,
    current: v.version === current,
  }));
}
