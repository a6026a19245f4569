/**
 * From the report's shapes to chart inputs. Pages should pass the same rows to the chart and to the table that
 * follows it, so the picture and the numbers cannot disagree; these helpers keep that mapping in one place.
 */
import type { WresGroup } from '../../core/ethnicity/classifications.ts';
import type { GroupProportion } from '../../core/indicators/evaluate-proportion.ts';
import type { RatioBreakdownRow } from '../../core/indicators/evaluate-ratio.ts';
import type { GroupRate } from '../../core/stats/relative-likelihood.ts';
import type { Indicator1 } from '../../core/wres/report.ts';
import type { ForestRow } from './forest-plot.ts';
import type { RateGroup } from './rate-comparison.ts';
import type { BandShare, HeadcountShare } from './representation-by-band.ts';

/** Breakdown rows as forest rows: withheld rows say "withheld", undefined ratios "not calculable". */
export function forestRowsFromBreakdown(rows: readonly RatioBreakdownRow[], options: { flagSmallNumbers?: boolean } = {}): ForestRow[] {
  return rows.map((row) => {
    let note: string | undefined;
    if (row.suppressed) note = 'withheld';
    else if (row.value === null) note = 'not calculable';
    else if (options.flagSmallNumbers && row.smallNumbers) note = 'small numbers';
    return { label: row.label, value: row.value, ci95: row.ci95 ? [row.ci95[0], row.ci95[1]] : null, ...(note ? { note } : {}) };
  });
}

/** The headline groups of a ratio indicator (e.g. appointment rates), in the given order, as 0–1 rates. */
export function rateGroupsFromRatio(
  groups: Readonly<Record<WresGroup, GroupRate>>,
  labels: Readonly<Partial<Record<WresGroup, string>>>,
  order: readonly WresGroup[] = ['white', 'ethnicMinority', 'unknown'],
): RateGroup[] {
  return order
    .filter((g) => labels[g] !== undefined)
    .map((g) => ({
      label: labels[g] ?? g,
      value: groups[g].rate,
      ci95: groups[g].ci95 ? [groups[g].ci95[0], groups[g].ci95[1]] : null,
      ...(groups[g].population === 0 ? { note: 'nobody in this group' } : {}),
    }));
}

/** Survey groups (percentages 0–100 with Wilson intervals in points). */
export function rateGroupsFromSurvey<G extends string>(
  groups: Readonly<Record<G, GroupProportion>>,
  labels: Readonly<Record<G, string>>,
  order: readonly G[],
): RateGroup[] {
  return order.map((g) => ({
    label: labels[g],
    value: groups[g].pct,
    ci95: groups[g].ci95 ? [groups[g].ci95[0], groups[g].ci95[1]] : null,
    ...(groups[g].respondents === 0 ? { note: 'no respondents' } : {}),
  }));
}

/** Indicator 1's table as bars: each row's ethnic minority headcount over everyone in it, under its cluster. */
export function bandSharesFromIndicator1(indicator: Indicator1): { rows: BandShare[]; workforce: HeadcountShare } {
  return {
    rows: indicator.rows.map((r) => ({ label: r.row, group: r.clusterLabel, count: r.ethnicMinority.count, total: r.total })),
    workforce: { count: indicator.overall.ethnicMinority.count, total: indicator.overall.total },
  };
}
