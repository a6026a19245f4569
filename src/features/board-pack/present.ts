/**
 * The board pack in words and tables for its page, from what the service gathers: every figure with its counts and
 * 95% interval, read as the other pages read it (the objectives' figure views, the overview's board readings, the
 * interventions' verdicts in the evaluation's own words).
 */
import { MONTHLY_MEASURES } from '../../core/monthly/monthly-measures.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import type { EventCount } from '../../core/stats/relative-likelihood.ts';
import type { Organisation } from '../../store/store.ts';
import { formatMonth, VARIATION_READING } from '../../web/charts/index.ts';
import { organisationPath } from '../../web/organisation-year.ts';
import { monthlyMeasureViews } from '../../web/presenters/monthly.ts';
import { interventionView } from '../interventions/present.ts';
import { findMeasure } from '../objectives/service.ts';
import { figureView, objectiveView, reviewView, valueText } from '../objectives/present.ts';
import { boardReadings } from '../overview/board.ts';
import type { BoardPack } from './service.ts';

/** How many of the latest months of each comply-or-explain rule the pack shows. */
export const COMPLY_MONTHS_SHOWN = 6;

const count = (n: number) => n.toLocaleString('en-GB');
const counts = (c: EventCount | null) => (c ? `${count(c.events)} of ${count(c.population)}` : 'Withheld');

/** The months of a reporting year: 2025 is April 2024 to March 2025. */
function inYear(month: string, year: number): boolean {
  return month >= `${year - 1}-04` && month <= `${year}-03`;
}

/** Each monthly measure's relative likelihood month by month over the pack's year, small months withheld by `policy`. */
function monthlyTables(pack: BoardPack, policy: DisclosurePolicy | null) {
  return pack.board.monthly.map(({ key, counts: series }) => {
    const measure = MONTHLY_MEASURES[key];
    const [likelihood] = monthlyMeasureViews(measure, series.months, policy);
    const rows = likelihood.rows.filter((r) => inYear(r.month, pack.year)).map((r) => ({
      month: formatMonth(r.month),
      ethnicMinority: r.withheld ? 'Withheld' : counts(r.ethnicMinority),
      white: r.withheld ? 'Withheld' : counts(r.white),
      value: r.withheld ? 'Withheld' : r.value === null ? 'No figure' : r.value.toFixed(2),
      interval: r.ci95 && !r.withheld ? `${r.ci95[0].toFixed(2)} to ${r.ci95[1].toFixed(2)}` : '–',
      small: r.smallNumbers && !r.withheld && r.value !== null,
    }));
    const withheld = rows.filter((r) => r.value === 'Withheld').length;
    return {
      key, title: measure.definition.title, people: measure.definition.wording.people, eventPast: measure.definition.wording.eventPast,
      numerator: measure.definition.numeratorGroup === 'white' ? 'White' : 'ethnic minority', rows, withheld,
    };
  });
}

function standardsView(pack: BoardPack, organisation: Organisation, standards: Parameters<typeof findMeasure>[0]) {
  const base = organisationPath(organisation, pack.year);
  const pages: Readonly<Record<string, string>> = { wres: base, wdes: `${base}/wdes`, medical: `${base}/medical` };
  return pack.standards.map((s) => ({
    id: s.id,
    name: s.name,
    href: pages[s.id] ?? `${base}/standards/${s.id}`,
    rows: s.figures?.map((f) => {
      const definition = findMeasure(standards, s.id, f.indicator)?.definition ?? null;
      if (!f.result.available) return { indicator: f.indicator, title: f.title, available: false as const, reason: f.result.reason };
      const view = figureView(f.result.figure, definition);
      return { indicator: f.indicator, title: f.title, available: true as const, ...view };
    }) ?? null,
  }));
}

function objectivesView(pack: BoardPack, organisation: Organisation, standards: Parameters<typeof findMeasure>[0]) {
  const base = `${organisationPath(organisation)}/objectives`;
  return pack.objectives.map((o) => {
    const view = objectiveView(standards, o.objective, o.progress);
    const kind = o.objective.baseline.kind;
    const change = o.progress.change;
    return {
      ...view,
      href: `${base}/${o.objective.id}`,
      trajectory: o.progress.trajectory && o.progress.latest
        ? `${valueText(kind, o.progress.trajectory.expected)} expected by ${o.progress.latest.year}: ${o.progress.trajectory.onTrack ? 'on or ahead of it' : 'behind it'}`
        : 'No reading until a year after the baseline is imported',
      chance: change === null ? 'No change to test yet' : change.beyondChance === true ? 'More than chance alone would usually give' : change.beyondChance === false ? 'Within what chance alone could give' : 'No test of chance applies to this figure',
      review: o.latestReview ? reviewView(o.latestReview) : null,
      interventions: o.interventions.map(({ intervention, evaluation }) => {
        const iv = interventionView(intervention, `${base}/${o.objective.id}/interventions/${intervention.id}`);
        return {
          ...iv,
          verdict: evaluation.available ? evaluation.evaluation.headline : 'No evaluation yet',
          detail: evaluation.available ? evaluation.evaluation.sentences[0] ?? '' : evaluation.reason,
        };
      }),
    };
  });
}

function rulesView(pack: BoardPack, organisation: Organisation) {
  const base = `${organisationPath(organisation)}/comply-or-explain`;
  return pack.rules.map((s) => {
    const months = s.series.months.slice(-COMPLY_MONTHS_SHOWN);
    const shown = new Set(months.map((m) => m.month));
    const explanations = s.explanations.filter((c) => shown.has(c.month));
    return {
      id: s.rule.id, href: `${base}/${s.rule.id}`, title: s.rule.title, description: s.rule.description,
      cases: s.cases.length, complied: s.complied,
      months: months.map((m) => ({
        month: formatMonth(m.month), complied: m.complied, cases: m.cases,
        pct: m.pct === null ? 'No cases' : `${m.pct.toFixed(1)}%`,
        interval: m.ci95 ? `${m.ci95[0].toFixed(1)}% to ${m.ci95[1].toFixed(1)}%` : '–',
      })),
      variation: s.series.showLimits && s.series.spc.variation ? VARIATION_READING[s.series.spc.variation] : null,
      explanations: explanations.map((c) => ({ month: formatMonth(c.month), explanation: c.explanation })),
      earlierExplanations: s.explanations.length - explanations.length,
    };
  });
}

/** The year's reports: its total and each category's, as the trend page withholds them (never unsuppressed here). */
function reportsView(pack: BoardPack) {
  const t = pack.reports;
  if (!t) return null;
  const text = (v: number | null) => (v === null ? 'Withheld' : String(v));
  return {
    total: text(t.trends.total),
    withheld: t.trends.withheld,
    categories: t.trends.byCategory.columns.map((k, i) => ({ label: t.categoryLabels[k] ?? k, reports: text(t.trends.byCategory.columnTotals[i] ?? null) })),
    monthsKnown: t.known,
  };
}

/** Everything the page shows. `policy` is the disclosure control applied (null for an analyst's own view). */
export function boardPackView(pack: BoardPack, organisation: Organisation, standards: Parameters<typeof findMeasure>[0], policy: DisclosurePolicy | null) {
  return {
    standards: standardsView(pack, organisation, standards),
    payGaps: pack.payGaps,
    board: boardReadings(pack.board, organisation, pack.year, policy === null),
    monthly: monthlyTables(pack, policy),
    objectives: objectivesView(pack, organisation, standards),
    laterObjectives: pack.laterObjectives,
    rules: rulesView(pack, organisation),
    complyMonths: COMPLY_MONTHS_SHOWN,
    reports: reportsView(pack),
  };
}
