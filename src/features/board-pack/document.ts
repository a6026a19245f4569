/**
 * The board pack as the JSON API and the CSV download give it, with no HTTP: the same parts as the page, every figure
 * with its counts and interval. Both are always built with disclosure control (the routes pass the default policy).
 */
import { monthlyMeasureViews } from '../../web/presenters/monthly.ts';
import { MONTHLY_MEASURES } from '../../core/monthly/monthly-measures.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { interventionJson } from '../interventions/service.ts';
import { ruleDocument } from '../objectives/comply-service.ts';
import { OBJECTIVE_CSV_HEADER, objectiveCsvRow, objectiveDocument } from '../objectives/service.ts';
import type { BoardPack } from './service.ts';

/** The pack as JSON. */
export function boardPackDocument(pack: BoardPack, standards: StandardRegistry, policy: DisclosurePolicy) {
  return {
    year: pack.year,
    standards: pack.standards.map((s) => ({
      id: s.id,
      name: s.name,
      indicators: s.figures?.map((f) => (f.result.available
        ? { indicator: f.indicator, title: f.title, available: true, figure: f.result.figure }
        : { indicator: f.indicator, title: f.title, available: false, reason: f.result.reason })) ?? null,
    })),
    payGaps: pack.payGaps,
    monthly: pack.board.monthly.map(({ key, counts }) => {
      const [likelihood] = monthlyMeasureViews(MONTHLY_MEASURES[key], counts.months, policy);
      return {
        measure: key,
        title: MONTHLY_MEASURES[key].definition.title,
        variation: likelihood.showLimits ? likelihood.result.variation : null,
        months: likelihood.rows.map((r) => ({
          month: r.month, withheld: r.withheld, white: r.white, ethnicMinority: r.ethnicMinority,
          relativeLikelihood: r.value, ci95: r.ci95, smallNumbers: r.smallNumbers,
        })),
      };
    }),
    objectives: pack.objectives.map((o) => ({
      ...objectiveDocument(standards, o.objective, { figures: o.figures, progress: o.progress }, null),
      latestReview: o.latestReview ? { at: o.latestReview.at.toISOString(), status: o.latestReview.status, note: o.latestReview.note } : null,
      interventions: o.interventions.map(({ intervention, evaluation }) => ({
        ...interventionJson(intervention),
        evaluation: evaluation.available
          ? { available: true, verdict: evaluation.evaluation.verdict, headline: evaluation.evaluation.headline, sentences: evaluation.evaluation.sentences }
          : { available: false, reason: evaluation.reason },
      })),
    })),
    objectivesWithLaterBaselines: pack.laterObjectives,
    complyOrExplain: pack.rules.map(ruleDocument),
    reports: pack.reports && {
      year: pack.reports.year, total: pack.reports.trends.total, withheld: pack.reports.trends.withheld,
      months: pack.reports.trends.months.map((month, i) => ({ month, reports: pack.reports!.trends.monthTotals[i] ?? null })),
      byCategory: pack.reports.trends.byCategory.columns.map((key, i) => ({ key, label: pack.reports!.categoryLabels[key] ?? key, reports: pack.reports!.trends.byCategory.columnTotals[i] ?? null })),
    },
  };
}

export const BOARD_PACK_CSV_HEADER = ['pack_year', ...OBJECTIVE_CSV_HEADER, 'interventions', 'latest_review_status', 'latest_review_at'] as const;

/** The objectives with their progress as at the pack's year: one row each. */
export function boardPackCsvRows(pack: BoardPack): (string | number | boolean | null)[][] {
  return pack.objectives.map((o) => [
    pack.year, ...objectiveCsvRow(o.objective, o.progress), o.interventions.length, o.latestReview?.status ?? null, o.latestReview?.at.toISOString() ?? null,
  ]);
}
