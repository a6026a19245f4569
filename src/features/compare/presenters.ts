/**
 * The comparisons page and its download for any standard's peer funnels (src/core/comparisons): each funnel as a
 * chart followed by the table of the same numbers, the benchmark table, the plain-language reading of where the
 * member's organisation lies (web/presenters/funnel-reading.ts, which the overview's board shares), and the CSV rows
 * with other organisations' small counts withheld. A family names the standard's indicators, groups and words: WRES
 * (indicators 2–8, White and ethnic minority staff) and WDES (metrics 2, 3 and 4a–8, non-disabled and Disabled
 * staff).
 */
import { WDES_COMPARED } from '../../core/disability/characteristic.ts';
import { WRES_COMPARED } from '../../core/ethnicity/wres-characteristic.ts';
import { capitalised, columnName, type ComparedGroups } from '../../core/indicators/compared-groups.ts';
import type { RatioDefinition } from '../../core/indicators/definition.ts';
import { WRES_PEER_SET, type PeerFunnel, type PeerFunnels, type PeerFunnelSet, type PeerRatioIndicator } from '../../core/comparisons/peer-funnels.ts';
import { WDES_PEER_SET, type WdesPeerMetric } from '../../core/comparisons/wdes-peer-funnels.ts';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { WDES_2, WDES_3 } from '../../core/wdes/definitions.ts';
import { WRES_2, WRES_3, WRES_4 } from '../../core/wres/definitions.ts';
import { chartId, funnelChart } from '../../web/charts/index.ts';
import type { CsvCell } from '../../web/csv-download.ts';
import { formatValue, funnelChartPoints, funnelChartScale, POSITION_WORDS, readingOf } from '../../web/presenters/funnel-reading.ts';
import { countsText } from '../national-figures/words.ts';
import type { UsableNationalFigure } from './service.ts';

export interface CompareFamily {
  readonly standard: 'WRES' | 'WDES';
  readonly set: PeerFunnelSet<string>;
  readonly groups: ComparedGroups<string>;
  /** The definition of each ratio indicator, for which group its numerator counts. */
  readonly ratioDefinitions: Readonly<Record<string, RatioDefinition<string>>>;
  /** "Indicator", "Metric". */
  readonly indicatorWord: string;
  /** How an indicator is named on the page: "4a (i)" for "4a_patients". */
  displayId(id: string): string;
  /** Chart ids and anchors: "compare"/"indicator" for WRES, as they have always been. */
  readonly chartPrefix: string;
  /** "by ethnic group, staff group, band or directorate". */
  readonly breakdownsNote: string;
  readonly benchmarkCaption: string;
}

export const WRES_COMPARE: CompareFamily = {
  standard: 'WRES',
  set: WRES_PEER_SET as unknown as PeerFunnelSet<string>,
  groups: WRES_COMPARED as unknown as ComparedGroups<string>,
  ratioDefinitions: { '2': WRES_2, '3': WRES_3, '4': WRES_4 },
  indicatorWord: 'Indicator',
  displayId: (id) => id,
  chartPrefix: 'compare',
  breakdownsNote: 'by ethnic group, staff group, band or directorate',
  benchmarkCaption: 'relative likelihoods for indicators 2 to 4, percentage of ethnic minority staff for 5 to 8',
};

const WDES_DISPLAY_ID: Readonly<Record<string, string>> = { '4a_patients': '4a (i)', '4a_managers': '4a (ii)', '4a_colleagues': '4a (iii)' };

export const WDES_COMPARE: CompareFamily = {
  standard: 'WDES',
  set: WDES_PEER_SET as unknown as PeerFunnelSet<string>,
  groups: WDES_COMPARED as unknown as ComparedGroups<string>,
  ratioDefinitions: { '2': WDES_2, '3': WDES_3 },
  indicatorWord: 'Metric',
  displayId: (id) => WDES_DISPLAY_ID[id] ?? id,
  chartPrefix: 'wdes-compare',
  breakdownsNote: 'by disability, staff group, band or directorate',
  benchmarkCaption: 'relative likelihoods for metrics 2 and 3, percentage of Disabled staff for the staff survey metrics',
};

export type WdesComparison = PeerFunnels<WdesPeerMetric>;

function formatLimits(limits: readonly [number, number] | null, kind: PeerFunnel['kind']): string {
  return limits ? `${formatValue(limits[0], kind)} to ${formatValue(limits[1], kind)}` : '–';
}

/** The words the comparisons page needs beside the funnels. */
export function compareWords(family: CompareFamily) {
  const { groups } = family;
  return {
    standard: family.standard,
    indicatorWord: family.indicatorWord,
    indicatorWordInSentence: family.indicatorWord.toLowerCase(),
    focusHeading: capitalised(groups, groups.focus),
    focusInSentence: groups.adjective(groups.focus),
    breakdownsNote: family.breakdownsNote,
    benchmarkCaption: family.benchmarkCaption,
    indicators: [...family.set.ratioIndicators, ...family.set.surveyIndicators].map((id) => family.displayId(id)),
  };
}

function ids(family: CompareFamily): readonly string[] {
  return [...family.set.ratioIndicators, ...family.set.surveyIndicators];
}

/** The groups behind a ratio point, by name: its numerator is the definition's numerator group. */
function ratioGroups(family: CompareFamily, id: string, numerator: { events: number; population: number }, comparison: { events: number; population: number } | null) {
  const definition = family.ratioDefinitions[id];
  const { groups } = family;
  const first = definition?.numeratorGroup === groups.reference;
  return { reference: first ? numerator : comparison, focus: first ? comparison : numerator, numeratorIsReference: first };
}

/**
 * Each funnel as the page shows it: its reading, chart and table, or why it has none. `nationalView` says what the
 * page shows of a national target (WRES only).
 */
export function funnelSections(
  family: CompareFamily,
  result: PeerFunnels<string>,
  ownCode: string,
  year: number,
  nationalView: (id: string) => Record<string, unknown> | null,
): Record<string, unknown>[] {
  const { groups } = family;
  const count = (n: number | undefined) => n?.toLocaleString('en-GB');
  return ids(family).map((id): Record<string, unknown> => {
    const funnel = result.funnels[id];
    const label = family.displayId(id);
    if (!funnel) return { id, label, title: null, missing: true };
    const rate = funnel.kind === 'proportion';
    const { targetLabel } = funnelChartScale(funnel);
    return {
      id,
      label,
      missing: false,
      title: funnel.title,
      kind: funnel.kind,
      target: formatValue(funnel.target, funnel.kind),
      targetLabel,
      national: funnel.targetSource === 'national' && funnel.kind === 'relativeLikelihood' ? nationalView(id) : null,
      adjusted: funnel.judgedAgainst === 'adjusted',
      phi: funnel.phi.toFixed(2),
      plotted: funnel.plotted,
      reading: readingOf(family, funnel, ownCode),
      higherIsBetter: family.set.higherIsBetter[id] ?? false,
      chart: funnelChart(
        funnelChartPoints(funnel, ownCode),
        {
          id: chartId(family.chartPrefix, `${family.indicatorWord.toLowerCase()}-${id}`), title: `${family.indicatorWord} ${label} funnel plot, ${year}`, ...funnelChartScale(funnel),
          xLabel: rate ? `${capitalised(groups, groups.focus)} respondents` : 'Precision (1 ÷ squared standard error of the log relative likelihood)',
          yLabel: rate ? `Percentage of ${groups.adjective(groups.focus)} respondents` : 'Relative likelihood (log scale)',
        },
      ),
      rows: funnel.points.map((p) => {
        let counts = '–';
        if (p.numerator !== null && p.denominator !== null) {
          if (rate) counts = `${count(p.numerator)} of ${count(p.denominator)}`;
          else {
            const definition = family.ratioDefinitions[id];
            const numeratorGroup = definition?.numeratorGroup ?? groups.reference;
            const denominatorGroup = definition?.denominatorGroup ?? groups.focus;
            counts = `${capitalised(groups, numeratorGroup)}: ${count(p.numerator)} of ${count(p.denominator)}; ${groups.adjective(denominatorGroup)}: ${count(p.comparison?.events)} of ${count(p.comparison?.population)}`;
          }
        }
        return {
          name: p.name,
          own: p.code === ownCode,
          counts,
          value: formatValue(p.value, funnel.kind),
          limits95: formatLimits(p.limits95, funnel.kind),
          limits998: formatLimits(p.limits998, funnel.kind),
          position: POSITION_WORDS[p.position],
          side: p.direction,
        };
      }),
    };
  });
}

/** One row per organisation: each indicator's figure and where it lies. */
export function benchmarkRows(family: CompareFamily, result: PeerFunnels<string>, ownCode: string) {
  return result.benchmark.map((row) => ({
    name: row.name,
    own: row.code === ownCode,
    cells: ids(family).map((id) => {
      const cell = row.figures[id]!;
      const kind = result.funnels[id]?.kind ?? (family.set.ratioIndicators.includes(id) ? 'relativeLikelihood' : 'proportion');
      return { value: formatValue(cell.value, kind), position: cell.position === 'notCalculable' ? '' : POSITION_WORDS[cell.position] };
    }),
  }));
}

/** The download's columns, named after the family's groups (white_events … for WRES, non_disabled_events … for WDES). */
export function compareCsvHeader(family: CompareFamily): string[] {
  const [reference, focus] = [columnName(family.groups, family.groups.reference), columnName(family.groups, family.groups.focus)];
  return [
    'indicator', 'measure', 'organisation_code', 'organisation_name', 'your_organisation',
    `${reference}_events`, `${reference}_people`, `${focus}_events`, `${focus}_people`,
    'value', 'ci95_low', 'ci95_high', 'limits95_low', 'limits95_high', 'limits998_low', 'limits998_high', 'position',
    'target', 'target_source', 'national_ci95_low', 'national_ci95_high',
    `national_${reference}_events`, `national_${reference}_people`, `national_${focus}_events`, `national_${focus}_people`, 'national_source',
    'phi', 'withheld',
  ];
}

/** What the page and the download say about a national target: its ratio, interval, counts and source. */
export function nationalTargetView(indicator: PeerRatioIndicator, usable: UsableNationalFigure) {
  const { figure, ratio } = usable;
  const people = indicator === '2' ? 'applicants' : 'staff';
  return {
    value: ratio.value,
    ci95: ratio.ci95,
    white: `White ${people}: ${countsText(indicator, figure.white)}`,
    ethnicMinority: `Ethnic minority ${people}: ${countsText(indicator, figure.ethnicMinority)}`,
    source: figure.source,
  };
}

/** Why another organisation's row is withheld in the download. */
export function withheldReason(policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): string {
  return `a count of 1 to ${policy.minimumCellSize - 1}, so this organisation's counts and every figure from them are withheld to protect identities`;
}

/**
 * The download: one row per organisation per indicator with a funnel, with exactly what the page shows of each
 * organisation (its headline counts, figure, limits and where it lies) and its own 95% interval, which follows from
 * those counts. Survey figures are percentages 0–100, as are their limits and target.
 *
 * Disclosure control: another organisation whose people, events or non-events in a compared group number 1 to 7
 * has its counts, figure, interval, limits and position withheld, and `withheld` says why. The member's own
 * organisation is not withheld: its headline figures are its own, as in its standard's download.
 */
export function compareCsvRowsOf(
  family: CompareFamily,
  result: PeerFunnels<string>,
  ownCode: string,
  national: Readonly<Partial<Record<string, UsableNationalFigure>>>,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): CsvCell[][] {
  const { groups } = family;
  const rows: CsvCell[][] = [];
  for (const id of ids(family)) {
    const funnel = result.funnels[id];
    if (!funnel) continue;
    const rate = funnel.kind === 'proportion';
    const scale = (n: number | null | undefined) => (n === null || n === undefined ? null : rate ? n * 100 : n);
    const nationalFigure = funnel.targetSource === 'national' && !rate ? national[id] : undefined;
    const target: CsvCell[] = [
      scale(funnel.target), funnel.targetSource,
      nationalFigure?.ratio.ci95?.[0], nationalFigure?.ratio.ci95?.[1],
      nationalFigure?.figure.white.events, nationalFigure?.figure.white.population,
      nationalFigure?.figure.ethnicMinority.events, nationalFigure?.figure.ethnicMinority.population, nationalFigure?.figure.source,
      funnel.phi,
    ];
    for (const p of funnel.points) {
      const own = p.code === ownCode;
      // The counts behind the figure by group: for ratios in the indicator's orientation, for the survey the focus group only.
      let reference: { events: number; population: number } | null = null;
      let focus: { events: number; population: number } | null = null;
      if (p.numerator !== null && p.denominator !== null) {
        const first = { events: p.numerator, population: p.denominator };
        if (rate) focus = first;
        else ({ reference, focus } = ratioGroups(family, id, first, p.comparison));
      }
      const cells = [reference, focus].flatMap((c) => (c ? [c.events, c.population, c.population - c.events] : []));
      const withheld = !own && cells.some((n) => isDisclosive(n, policy));
      const measure = rate ? `percentage of ${groups.adjective(groups.focus)} respondents` : 'relative likelihood';
      const identity: CsvCell[] = [family.displayId(id), measure, p.code, p.name, own];
      if (withheld) {
        rows.push([...identity, ...Array(12).fill(null), ...target, withheldReason(policy)]);
        continue;
      }
      rows.push([
        ...identity,
        reference?.events, reference?.population, focus?.events, focus?.population,
        scale(p.value), scale(p.ci95?.[0]), scale(p.ci95?.[1]),
        scale(p.limits95?.[0]), scale(p.limits95?.[1]), scale(p.limits998?.[0]), scale(p.limits998?.[1]),
        `${POSITION_WORDS[p.position]}${p.direction ? ` (${p.direction})` : ''}`,
        ...target, '',
      ]);
    }
  }
  return rows;
}

export const COMPARE_CSV_HEADER: readonly string[] = compareCsvHeader(WRES_COMPARE);

/** The WRES download's rows (see compareCsvRowsOf): White and ethnic minority counts, national targets where entered. */
export function compareCsvRows(
  result: PeerFunnels,
  ownCode: string,
  national: Partial<Record<PeerRatioIndicator, UsableNationalFigure>>,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): CsvCell[][] {
  return compareCsvRowsOf(WRES_COMPARE, result as unknown as PeerFunnels<string>, ownCode, national, policy);
}
