/**
 * The view of one indicator page and of one breakdown page: the chart and the table are built from the same rows,
 * so the picture and the numbers always agree.
 */
import { WRES_COMPARED } from '../../core/ethnicity/wres-characteristic.ts';
import { WRES_2, WRES_3, WRES_4 } from '../../core/wres/definitions.ts';
import { comparedWords } from './compared-words.ts';
import type { WresGroup } from '../../core/ethnicity/classifications.ts';
import type { RatioHeadline } from '../../core/indicators/evaluate-ratio.ts';
import type { Indicator1, WresReport } from '../../core/wres/report.ts';
import {
  bandSharesFromIndicator1,
  chartId,
  rateComparison,
  rateGroupsFromRatio,
  rateGroupsFromSurvey,
  representationByBand,
  trendChart,
} from '../charts/index.ts';
import type { IndicatorId } from './dashboard.ts';
import { breakdownCharts, breakdownDisplay } from './breakdown-rows.ts';
import { METHOD, trend, type BreakdownKey } from './indicator.ts';

const RATIO_HEADINGS: Readonly<Record<'2' | '3' | '4', { event: string; population: string; people: string }>> = {
  '2': { event: 'Appointed', population: 'Shortlisted', people: 'applicants' },
  '3': { event: 'Entered the process', population: 'Headcount', people: 'staff' },
  '4': { event: 'Accessed training', population: 'Headcount', people: 'staff' },
};

const WRES_RATIO_DEFINITIONS = { '2': WRES_2, '3': WRES_3, '4': WRES_4 } as const;

const GROUP_LABELS = { white: 'White', ethnicMinority: 'Ethnic minority', unknown: 'Unknown ethnicity (not in the ratio)' } as const;

function verdicts(r: { withinNonAdverseRange: boolean | null; smallNumbers: boolean }): string[] {
  const out: string[] = [];
  if (r.withinNonAdverseRange !== null) {
    out.push(r.withinNonAdverseRange
      ? 'This is inside the range of 0.80 to 1.25 that NHS England treats as non-adverse.'
      : 'This is outside the range of 0.80 to 1.25 that NHS England treats as non-adverse.');
  }
  if (r.smallNumbers) out.push('It rests on small numbers (fewer than 10 events in a group), so treat it with caution.');
  return out;
}

function trendView(reports: readonly WresReport[], id: IndicatorId) {
  if (reports.length < 2) return null;
  const points = trend(reports, id);
  const isRatio = id === '2' || id === '3' || id === '4';
  const unit = isRatio ? 'ratio' : id === '9' ? 'pp' : 'pct';
  const format = (v: number | null) =>
    v === null ? '–' : isRatio ? v.toFixed(2) : id === '9' ? `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)} points` : `${v.toFixed(1)}%`;
  const valueHeading = isRatio ? 'Relative likelihood' : id === '9' ? 'Difference (voting members)' : 'Ethnic minority staff';
  const chart = trendChart(points.map(({ year, value, ci95 }) => ({ year, value, ci95 })), {
    id: chartId(`trend${id}`, 'years'),
    title: `Indicator ${id} by year`,
    yLabel: valueHeading,
    unit,
    ...(isRatio ? { scale: 'log' as const, referenceBand: [0.8, 1.25] as const, referenceBandLabel: 'Non-adverse range', referenceLine: 1, referenceLineLabel: 'Equal likelihood' } : {}),
    ...(id === '9' ? { referenceLine: 0, referenceLineLabel: 'Same as the workforce' } : {}),
  });
  return {
    chart,
    valueHeading,
    caption: `Indicator ${id} in each loaded year`,
    points: points.map((p) => ({
      ...p,
      formatted: format(p.value),
      interval: p.ci95 ? (isRatio ? `${p.ci95[0].toFixed(2)} to ${p.ci95[1].toFixed(2)}` : `${p.ci95[0].toFixed(1)}% to ${p.ci95[1].toFixed(1)}%`) : '–',
    })),
  };
}

/**
 * Indicator 1's picture and table: the ethnic minority share of each pay band with staff, from the same rows. Also
 * used by the medical workforce page, on the medical and dental staff alone.
 */
export function representationView(i1: Indicator1, chart: { id: string; title: string }) {
  const { rows, workforce } = bandSharesFromIndicator1(i1);
  return {
    statement: i1.statement,
    chartHeading: 'Ethnic minority share of each pay band',
    chart: representationByBand(rows.filter((r) => r.total > 0), { ...chart, workforce }),
    representation: { rows: i1.rows.filter((r) => r.total > 0), overall: i1.overall, bankOnlyExcluded: i1.bankOnlyExcluded },
    pipeline: i1.pipeline,
    pipelineWords: comparedWords(WRES_COMPARED),
  };
}

/**
 * A relative likelihood's headline, verdicts, rate chart and the counts behind it, from the same groups. Indicators
 * 2 to 4 and the medical workforce page's appointment to consultant posts (which has no exclusions or two-year figure).
 */
export function ratioView(
  r: RatioHeadline<WresGroup> & { readonly excluded?: Readonly<Record<string, number>>; readonly rollingTwoYear?: unknown },
  id: '2' | '3' | '4',
  chart: { id: string; title: string },
) {
  const headings = RATIO_HEADINGS[id];
  return {
    statement: r.statement, verdicts: verdicts(r),
    headline: r.value === null ? 'Not calculable' : `Relative likelihood ${r.value.toFixed(2)}`,
    chartHeading: `Rate for each group, with 95% intervals`,
    chart: rateComparison(rateGroupsFromRatio(r.groups, GROUP_LABELS), { ...chart, unit: 'rate' }),
    ratio: {
      eventHeading: headings.event, populationHeading: headings.population,
      groups: (['white', 'ethnicMinority', 'unknown'] as const).map((g) => ({ label: GROUP_LABELS[g], ...r.groups[g] })),
      excluded: Object.entries(r.excluded ?? {}).map(([reason, n]) => `${n.toLocaleString('en-GB')} ${reason}`),
      rolling: r.rollingTwoYear ?? null,
    },
  };
}

/** Everything the indicator page needs besides the organisation, year and links. */
export function indicatorView(report: WresReport, id: IndicatorId, reports: readonly WresReport[]) {
  const indicator = report.indicators[id];
  const common = {
    indicatorTitle: indicator.title, returnLabel: indicator.returnLabel, method: METHOD[id],
    available: indicator.available, unavailableReason: indicator.available ? null : indicator.reason,
    trendView: indicator.available ? trendView(reports, id) : null,
  };
  if (!indicator.available) return { ...common, kind: 'unavailable' };

  if (id === '1') {
    return { ...common, kind: 'representation', verdicts: [], headline: null, ...representationView(report.indicators['1'], { id: chartId('wres1', 'bands'), title: 'Ethnic minority share by pay band' }) };
  }

  if (id === '2' || id === '3' || id === '4') {
    const r = report.indicators[id];
    if (!r.available) throw new Error('unreachable');
    return { ...common, kind: 'ratio', ...ratioView(r, id, { id: chartId(`wres${id}`, 'groups'), title: `Rates behind indicator ${id}` }) };
  }

  if (id === '9') {
    const b = report.indicators['9'];
    if (!b.available) throw new Error('unreachable');
    const board = [
      { label: 'Voting members', gap: b.voting },
      { label: 'Executive members', gap: b.executive },
    ];
    const workforcePct = b.voting.workforcePct;
    return {
      ...common, kind: 'board', statement: `${b.voting.statement} ${b.executive.statement}`, verdicts: [], headline: null,
      chartHeading: 'Ethnic minority share of the board and of the workforce',
      chart: rateComparison(
        [
          { label: 'Voting board members', value: b.voting.boardPct, ci95: null },
          { label: 'Executive board members', value: b.executive.boardPct, ci95: null },
          { label: 'Whole workforce', value: workforcePct, ci95: null },
        ],
        { id: chartId('wres9', 'board'), title: 'Board and workforce shares', unit: 'pct' },
      ),
      board,
    };
  }

  const s = report.indicators[id];
  if (!s.available) throw new Error('unreachable');
  const surveyLabels = { white: 'White', ethnicMinority: 'Ethnic minority' } as const;
  return {
    ...common, kind: 'survey', statement: s.statement, verdicts: [], headline: null,
    chartHeading: 'Percentage of each group, with 95% intervals',
    chart: rateComparison(rateGroupsFromSurvey(s.groups, surveyLabels, ['white', 'ethnicMinority']), {
      id: chartId(`wres${id}`, 'groups'), title: `Indicator ${id} by group`, unit: 'pct',
    }),
    survey: {
      countHeading: s.countHeading, differencePp: s.differencePp,
      groups: (['white', 'ethnicMinority'] as const).map((g) => ({ label: surveyLabels[g], ...s.groups[g] })),
    },
  };
}

/** The breakdown page: a forest plot and its table, from the same rows. Null when the indicator has no such breakdown. */
export function breakdownView(report: WresReport, id: '2' | '3' | '4', breakdown: BreakdownKey) {
  const indicator = report.indicators[id];
  if (!indicator.available) return null;
  const rows = indicator.breakdowns[breakdown];
  if (!rows || rows.length === 0) return null;
  const whiteFirst = indicator.orientation.numerator === 'white';
  const ethnic = breakdown === 'ethnicCategory' || breakdown === 'aggregatedEthnicGroup';
  const people = RATIO_HEADINGS[id].people;
  const eventPast = WRES_RATIO_DEFINITIONS[id].wording.eventPast;
  const [numeratorHeading, denominatorHeading] = ethnic
    ? whiteFirst ? [`White ${people}`, `Group's ${people}`] : [`Group's ${people}`, `White ${people}`]
    : whiteFirst ? [`White ${people}`, `Ethnic minority ${people}`] : [`Ethnic minority ${people}`, `White ${people}`];
  // In an ethnic breakdown (and within each value of a second characteristic) a row is about its own ethnic group,
  // the side that is not White; in a staff group, band or directorate, both sides are the row's.
  const groupSide = whiteFirst ? 'denominator' : 'numerator';
  const shown = breakdownDisplay(rows, ethnic ? groupSide : 'both', { numeratorHeading, denominatorHeading, eventPast });
  const strataHeadings = whiteFirst ? [`White ${people}`, `Group's ${people}`] : [`Group's ${people}`, `White ${people}`];
  return {
    indicatorShortTitle: indicator.title,
    rows: shown.rows,
    nobody: shown.nobody,
    itemHeading: ethnic ? 'Ethnic group' : 'Group',
    numeratorHeading, denominatorHeading,
    caption: 'The numbers behind the chart',
    // Within each value of a second characteristic, each aggregated ethnic group against White people of that value.
    strata: (breakdown === 'gender' || breakdown === 'disability' || breakdown === 'internationalRecruit'
      ? indicator.intersections[breakdown] ?? []
      : []).map((stratum, i) => {
      const display = breakdownDisplay(stratum.rows, groupSide, { numeratorHeading: strataHeadings[0]!, denominatorHeading: strataHeadings[1]!, eventPast });
      return { value: stratum.value, rows: display.rows, nobody: display.nobody, captionId: `stratum-caption-${i + 1}` };
    }),
    strataHeadings,
    ...breakdownCharts(shown.rows, { prefix: `wres${id}`, key: breakdown, title: `Indicator ${id} by ${breakdown}` }),
  };
}
