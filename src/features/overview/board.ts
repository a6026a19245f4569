/**
 * The overview's board readings in words and pictures, from the figures the overview service gathers: is it
 * improving, how does it compare with peers, and will the targets be met.
 */
import { MINIMUM_PEERS } from '../../core/comparisons/peer-funnels.ts';
import { MONTHLY_MEASURES, type MonthlyMeasureKey } from '../../core/monthly/monthly-measures.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { Organisation } from '../../store/store.ts';
import { chartId, formatMonth, funnelThumbnail, spcThumbnail, targetThumbnail, variationIconSvg } from '../../web/charts/index.ts';
import { organisationPath } from '../../web/organisation-year.ts';
import { funnelChartPoints, funnelChartScale, reading } from '../../web/presenters/funnel-reading.ts';
import { monthlyMeasureViews, monthlyReading } from '../../web/presenters/monthly.ts';
import { monthlyPath } from '../../web/presenters/monthly-path.ts';
import type { BoardFigures } from './service.ts';

function base(organisation: Organisation, year: number): string {
  return organisationPath(organisation, year);
}

/** What the board's "Is it improving?" calls each monthly relative likelihood. */
const BOARD_NAMES: Readonly<Record<MonthlyMeasureKey, string>> = {
  recruitment: 'Appointment from shortlisting',
  disciplinary: 'Entry into the formal disciplinary process',
  training: 'Access to non-mandatory training',
};

/**
 * What a board asks of the figures in words: is it improving (the SPC reading of each monthly relative likelihood:
 * appointment from shortlisting, disciplinary entries and training), how does it compare with peers (funnel position
 * of the relative likelihoods), and will the targets be met (the senior-band trajectories).
 */
export function boardReadings(figures: BoardFigures, organisation: Organisation, year: number, analyst: boolean) {
  const improving = [];
  for (const { key, counts } of figures.monthly) {
    const measure = MONTHLY_MEASURES[key];
    const [likelihood] = monthlyMeasureViews(measure, counts.months, analyst ? null : DEFAULT_DISCLOSURE_POLICY);
    const first = likelihood.rows[0];
    const last = likelihood.rows[likelihood.rows.length - 1];
    improving.push({
      key,
      href: monthlyPath(base(organisation, year), key),
      reading: monthlyReading(BOARD_NAMES[key], likelihood),
      // Small pictures beside the words: the series in miniature and, once it has limits, its variation icon.
      thumbnail: likelihood.known > 0 && first && last
        ? spcThumbnail(likelihood.result.points, {
          id: chartId('board-series', key), unit: 'ratio', showLimits: likelihood.showLimits,
          title: `${BOARD_NAMES[key]}: relative likelihood by month, ${formatMonth(first.month)} to ${formatMonth(last.month)}`,
        })
        : null,
      icon: likelihood.showLimits && likelihood.result.variation
        ? variationIconSvg(likelihood.result.variation, { id: chartId('board-variation', key), size: 48 })
        : null,
    });
  }

  const { funnels } = figures;
  const compareHref = `${base(organisation, year)}/compare`;
  const comparisons = funnels
    ? (['2', '3', '4'] as const).flatMap((id) => {
      const funnel = funnels.funnels[id];
      return funnel
        ? [{
          reading: `Indicator ${id}: ${reading(funnel, organisation.code)}`,
          href: `${compareHref}#indicator-${id}`,
          picture: funnelThumbnail(funnelChartPoints(funnel, organisation.code), {
            id: chartId('board-funnel', id), title: `Indicator ${id}: your organisation among ${funnel.plotted} organisations, ${year}`, ...funnelChartScale(funnel),
          }),
        }]
        : [];
    })
    : [{ reading: `Fewer than ${MINIMUM_PEERS} organisations have figures for ${year}, so there is no comparison with peers yet.`, href: null, picture: null }];

  const { targets } = figures;
  // One scale for every band, so that the pictures can be compared with each other.
  const scaleMax = targets.ok
    ? Math.max(...targets.value.bands.flatMap((b) => [b.goalPct, b.current.trajectoryPct, b.current.actual.pct ?? 0, b.current.actual.ci95?.[1] ?? 0]))
    : 0;
  const targetLines = targets.ok
    ? targets.value.bands.map((b) => ({
      reading: b.statement,
      picture: targetThumbnail(b, { id: chartId('board-target', b.band), title: `${b.band}: ethnic minority share, trajectory and goal`, scaleMax }),
    }))
    : [{ reading: targets.reason, picture: null }];
  return { improving, comparisons, targets: targetLines };
}
