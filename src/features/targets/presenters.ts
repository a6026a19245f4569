/**
 * The targets page's charts and its download, for any focus group (src/core/targets/model-employer.ts): ethnic
 * minority staff for WRES, Disabled staff for WDES. Each band's chart is followed on the page by the table of the
 * same numbers; the download withholds small counts and every figure derived from them.
 */
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { headsNeeded, STATUS_LABELS, WRES_TARGET_GROUP, type BandHeadcount, type ModelEmployerTargets, type TargetGroup } from '../../core/targets/model-employer.ts';
import { chartId, trendChart } from '../../web/charts/index.ts';
import type { CsvCell } from '../../web/csv-download.ts';

/** The download's columns: "ethnic_minority_headcount" for WRES, "disabled_headcount" for WDES. */
export function targetsCsvHeader(group: TargetGroup<string>): string[] {
  return [
    'band', 'year', `${group.adjective.toLowerCase().replace(/[^a-z]+/g, '_')}_headcount`, 'band_headcount', 'share_pct', 'ci95_low_pct', 'ci95_high_pct',
    'trajectory_pct', 'goal_pct', 'horizon_year', 'status', 'heads_needed_now', 'heads_needed_at_horizon', 'withheld',
  ];
}

function focusOf<F extends string>(group: TargetGroup<F>, h: BandHeadcount<F>): number {
  return (h as Readonly<Record<string, number>>)[group.key] ?? 0;
}

/** People of the focus group, everyone or everyone else in the band numbering 1 to 7. */
function small<F extends string>(group: TargetGroup<F>, h: BandHeadcount<F>, policy: DisclosurePolicy): boolean {
  const focus = focusOf(group, h);
  return [focus, h.total, h.total - focus].some((n) => isDisclosive(n, policy));
}

/**
 * The download: one row per band per year, with the page's figures. Heads needed at the horizon are given for the
 * latest year only, as on the page (they are at today's band size).
 *
 * Disclosure control, which the page (for the organisation's own members) does not apply: where a band's count of
 * the focus group, of everyone, or of everyone else is 1 to 7 in a year, that year's counts, share, interval,
 * status and heads needed are withheld; where it is so in the baseline year, the trajectory is withheld in every
 * year (it starts from the baseline share, which would give the counts away), with the status and heads needed that
 * come from it. `withheld` says why.
 */
export function targetsCsvRowsOf<F extends string>(group: TargetGroup<F>, targets: ModelEmployerTargets<F>, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): CsvCell[][] {
  const limit = policy.minimumCellSize - 1;
  return targets.bands.flatMap((band) => {
    const baselineSmall = small(group, band.baseline, policy);
    return band.years.map((y): CsvCell[] => {
      const rowSmall = small(group, y.actual, policy);
      const current = y.year === band.current.year;
      const reasons = [
        rowSmall ? `a count of 1 to ${limit} in this band in ${y.year}, so its counts and the figures from them are withheld` : null,
        baselineSmall ? `a count of 1 to ${limit} in this band in the baseline year ${band.baseline.year}, so the trajectory that starts from it is withheld` : null,
      ].filter((r): r is string => r !== null);
      const a = y.actual;
      return [
        band.band, y.year,
        rowSmall ? null : focusOf(group, a), rowSmall ? null : a.total,
        rowSmall ? null : a.pct, rowSmall ? null : a.ci95?.[0], rowSmall ? null : a.ci95?.[1],
        baselineSmall ? null : y.trajectoryPct,
        band.goalPct, targets.horizonYear,
        rowSmall || baselineSmall ? null : STATUS_LABELS[y.status],
        rowSmall || baselineSmall ? null : y.headsNeeded,
        current && !rowSmall ? headsNeeded(band.goalPct, a.total, focusOf(group, a)) : null,
        reasons.join('; '),
      ];
    });
  });
}

/**
 * Each band's actual shares, with their 95% intervals, against its trajectory to the goal and the goal itself: the
 * picture of "will the targets be met", followed on the page by the table of the same numbers.
 */
export function bandChartsOf<F extends string>(group: TargetGroup<F>, targets: ModelEmployerTargets<F>, idPrefix = 'targets'): string[] {
  return targets.bands.map((band) => trendChart(
    band.years.map((y) => ({ year: y.year, value: y.actual.pct, ci95: y.actual.ci95 })),
    {
      id: chartId(idPrefix, band.band), title: `${band.band}: ${group.adjective} share against the trajectory to the goal`,
      yLabel: `${group.adjective.charAt(0).toUpperCase()}${group.adjective.slice(1)} staff in ${band.band} (%)`, unit: 'pct',
      referenceLine: band.goalPct, referenceLineLabel: `Goal by ${targets.horizonYear}`,
      trajectory: { label: `Trajectory from ${band.baseline.year} to the goal`, points: band.trajectory.map((p) => ({ year: p.year, value: p.pct })) },
    },
  ));
}

/** The WRES download's columns (ethnic minority staff). */
export const TARGETS_CSV_HEADER: readonly string[] = targetsCsvHeader(WRES_TARGET_GROUP);
