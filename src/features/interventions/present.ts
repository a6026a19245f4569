/**
 * What the interventions pages show: catalogue entries with their sources resolved, an intervention in words, and an
 * evaluation as charts (server-side SVG) each followed by a table of the same numbers, the yearly figures before and
 * after with counts and 95% intervals, and the difference in differences with its interval.
 */
import type { AnnualSeries, YearFigure } from '../../core/act/evaluation/index.ts';
import { catalogueIntervention, catalogueSource } from '../../core/act/interventions/catalogue.ts';
import { statusText } from '../../core/act/interventions/plan.ts';
import { type CatalogueIntervention, EVIDENCE_STRENGTH_LABEL } from '../../core/act/interventions/types.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { RatioYear } from '../../core/stats/change-between-years.ts';
import type { EventCount } from '../../core/stats/relative-likelihood.ts';
import type { SpcResult } from '../../core/stats/spc/index.ts';
import type { Intervention, StatusChange } from '../../store/intervention-types.ts';
import { chartId, spcChart } from '../../web/charts/index.ts';
import { formatMonth, POINT_TYPE_LABEL } from '../../web/charts/spc-chart.ts';
import { formatCount } from '../../web/charts/text.ts';
import type { EvaluationResult } from './evaluation-service.ts';
import { interventionName } from './service.ts';

const GROUP_LABELS: Readonly<Record<string, string>> = {
  white: 'White', ethnicMinority: 'Ethnic minority', disabled: 'Disabled', nonDisabled: 'Non-disabled', unknown: 'Unknown',
};
const groupLabel = (g: string) => GROUP_LABELS[g] ?? g;
/** Inside a sentence: only White, Black and Disabled keep their capital. */
const groupInSentence = (g: string) => (['white', 'disabled'].includes(g) ? groupLabel(g) : groupLabel(g).toLowerCase());

/** "WRES 3: Relative likelihood of entering the formal disciplinary process", or the ids where the registry lacks it. */
export function indicatorLabel(standards: StandardRegistry, standard: string, indicator: string): string {
  const s = standards.get(standard);
  const definition = s?.indicators.find((d) => d.id === indicator);
  return `${s?.shortName ?? standard.toUpperCase()} ${indicator}${definition ? `: ${definition.title}` : ''}`;
}

export function catalogueEntryView(standards: StandardRegistry, entry: CatalogueIntervention) {
  return {
    id: entry.id,
    name: entry.name,
    summary: entry.summary,
    strength: EVIDENCE_STRENGTH_LABEL[entry.overallStrength],
    targets: entry.targets.map((t) => ({ text: indicatorLabel(standards, t.standard, t.indicator), inferred: t.inferred })),
    evidence: entry.evidence.map((e) => ({
      claim: e.claim,
      strength: EVIDENCE_STRENGTH_LABEL[e.strength],
      outsideNhs: e.outsideNhs,
      sources: e.sources.map((key) => catalogueSource(key)).filter((s) => s !== null).map((s) => ({ ...s, yearText: s.year === null ? 'no year given' : String(s.year) })),
    })),
    cautions: entry.cautions,
    typicalMeasures: entry.typicalMeasures,
  };
}

const money = (cost: number) => `£${cost.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(cost) ? 0 : 2, maximumFractionDigits: 2 })}`;

export function interventionView(intervention: Intervention, href: string) {
  const entry = intervention.catalogueId ? catalogueIntervention(intervention.catalogueId) : null;
  return {
    id: intervention.id,
    href,
    name: interventionName(intervention),
    fromCatalogue: entry !== null,
    catalogueHref: entry ? `/catalogue/interventions/${entry.id}` : null,
    description: intervention.own?.description ?? entry?.summary ?? '',
    owner: `${intervention.ownerName}, ${intervention.ownerRole}`,
    startDate: intervention.startDate ?? 'Not set',
    endDate: intervention.endDate ?? 'Not set',
    status: statusText(intervention.status),
    staffNetworks: intervention.staffNetworks.length ? intervention.staffNetworks.join(', ') : 'None named',
    cost: intervention.cost === null ? 'Not given' : money(intervention.cost),
    shared: intervention.shareEvaluation,
  };
}

export function historyView(history: readonly StatusChange[]) {
  return history.map((h) => ({ status: statusText(h.status), at: h.at.toISOString().slice(0, 16).replace('T', ' '), by: h.by ?? 'An account that no longer exists', note: h.note ?? '' }));
}

const ratio = (v: number | null) => (v === null ? 'No figure' : v.toFixed(2));
const interval = (ci: readonly [number, number] | null, f: (v: number) => string) => (ci ? `${f(ci[0])} to ${f(ci[1])}` : 'None');
const counts = (c: EventCount) => `${formatCount(c.events)} of ${formatCount(c.population)}`;

function chartPoints(result: SpcResult) {
  return result.points.map((p) => ({ date: p.date, value: p.value, mean: p.mean, lpl: p.lpl, upl: p.upl, pointType: p.pointType }));
}

/** The evaluation as the page shows it. */
export function evaluationView(result: EvaluationResult, interventionId: number) {
  if (!result.available) return { available: false as const, reason: result.reason };
  const { evaluation, monthly, definition, measure } = result;
  const isRatio = measure === 'relativeLikelihood';
  const value = isRatio ? (v: number) => v.toFixed(2) : (v: number) => `${v.toFixed(1)}%`;
  const [numerator, denominator] = definition.kind === 'ratio' ? [definition.numeratorGroup, definition.denominatorGroup] : ['', ''];

  let monthlyView = null;
  if (monthly && evaluation.monthly) {
    const m = evaluation.monthly;
    const baseline = m.againstBaseline;
    const yLabel = `${definition.title} (relative likelihood, 1 is equal)`;
    const charts = [
      baseline ? {
        heading: 'Against the months before the start',
        intro: 'Process limits from the months before the start only, carried on after it: a month from the start on outside them, or a run of months on one side of the mean, is special cause. The reading comes from this chart.',
        svg: spcChart(chartPoints(baseline), { id: chartId('baseline', String(interventionId)), title: 'Monthly series against the months before the start', yLabel, unit: 'ratio', variation: baseline.variation, assurance: null, referenceLine: 1, referenceLineLabel: 'Equal' }),
      } : null,
      {
        heading: 'Recalculated from the start',
        intro: 'The months from the start on as a new phase with their own mean and limits: where the series settled after the start.',
        svg: spcChart(chartPoints(m.phases), { id: chartId('recalculated', String(interventionId)), title: 'Monthly series recalculated from the start', yLabel, unit: 'ratio', variation: m.phases.variation, assurance: null, referenceLine: 1, referenceLineLabel: 'Equal' }),
      },
    ].filter((c) => c !== null);
    monthlyView = {
      charts,
      numeratorLabel: groupLabel(numerator),
      denominatorLabel: groupLabel(denominator),
      rows: monthly.rows.map((r, i) => {
        const phase = m.phases.points[i];
        const against = baseline?.points[i];
        const after = r.month >= m.startMonth;
        const num = numerator === 'white' ? r.white : r.ethnicMinority;
        const den = numerator === 'white' ? r.ethnicMinority : r.white;
        return {
          month: formatMonth(r.month),
          after,
          numerator: num ? counts(num) : 'Withheld',
          denominator: den ? counts(den) : 'Withheld',
          value: r.withheld ? 'Withheld' : ratio(r.value),
          ci95: interval(r.ci95, (v) => v.toFixed(2)),
          small: r.smallNumbers,
          recalculated: phase && phase.mean !== null ? `${phase.mean.toFixed(2)} (${phase.lpl === null ? '–' : phase.lpl.toFixed(2)} to ${phase.upl === null ? '–' : phase.upl.toFixed(2)})` : '',
          reading: after && against && r.value !== null ? POINT_TYPE_LABEL[against.pointType] : '',
        };
      }),
      monthsBefore: m.monthsBefore,
      monthsAfter: m.monthsAfter,
      unstableBaseline: m.unstableBaseline,
    };
  }

  const yearRow = (label: string, f: YearFigure | null) => {
    if (!f) return null;
    const c = f.counts as EventCount | RatioYear;
    const countText = 'numerator' in c
      ? `${groupLabel(numerator)}: ${counts(c.numerator)}; ${groupLabel(denominator)}: ${counts(c.denominator)}`
      : counts(c);
    return { label, year: `${f.year - 1} to ${f.year}`, counts: countText, value: f.value === null ? 'No figure' : value(f.value), ci95: interval(f.ci95, value) };
  };
  const annual = evaluation.annual;
  const peerRows = (series: AnnualSeries | null, years: (number | null)[]) => {
    if (!series) return [];
    return years.filter((y): y is number => y !== null).map((year) => {
      const entry = series.years.find((y) => y.year === year);
      if (!entry) return null;
      const c = entry.counts as EventCount | RatioYear;
      const countText = 'numerator' in c ? `${groupLabel(numerator)}: ${counts(c.numerator)}; ${groupLabel(denominator)}: ${counts(c.denominator)}` : counts(c);
      return { year: `${year - 1} to ${year}`, counts: countText };
    }).filter((r) => r !== null);
  };
  const changeText = (estimate: number, ci: readonly [number, number]) => isRatio
    ? `${estimate.toFixed(2)} times (95% interval ${ci[0].toFixed(2)} to ${ci[1].toFixed(2)}; 1 is no change)`
    : `${estimate >= 0 ? '+' : ''}${estimate.toFixed(1)} percentage points (95% interval ${ci[0].toFixed(1)} to ${ci[1].toFixed(1)}; 0 is no change)`;
  const did = annual?.differenceInDifferences ?? null;
  return {
    available: true as const,
    verdict: evaluation.verdict,
    headline: evaluation.headline,
    sentences: evaluation.sentences,
    measureText: isRatio ? `the relative likelihood (${groupInSentence(numerator)} compared with ${groupInSentence(denominator)} people; 1 is equal)` : `the ${definition.kind === 'representation' ? 'share' : 'percentage'} for the group the standard focuses on`,
    scopeLabel: result.scopeLabel,
    direction: evaluation.direction === 'increase' ? 'Higher is better.' : 'Lower is better.',
    monthly: monthlyView,
    monthlyNote: result.monthlyNote,
    annualNote: result.annualNote,
    annual: annual ? {
      rows: [yearRow('Before the start', annual.before), yearRow('After the start', annual.after)].filter((r) => r !== null),
      change: annual.change ? changeText(annual.change.estimate, annual.change.ci95) : null,
    } : null,
    peers: result.peers ? {
      description: result.peers.description,
      names: result.peers.names,
      rows: peerRows(result.peers.series, [annual?.before?.year ?? null, annual?.after?.year ?? null]),
    } : null,
    peersNote: result.peersNote,
    did: did ? {
      estimate: changeText(did.estimate, did.ci95),
      changeWith: isRatio ? `${did.changeWith.toFixed(2)} times` : `${did.changeWith >= 0 ? '+' : ''}${did.changeWith.toFixed(1)} points`,
      changeWithout: isRatio ? `${did.changeWithout.toFixed(2)} times` : `${did.changeWithout >= 0 ? '+' : ''}${did.changeWithout.toFixed(1)} points`,
    } : null,
  };
}

/** The evaluation's numbers as CSV rows: each month, then the years before and after, then the peers. */
export const EVALUATION_CSV_HEADER = ['part', 'period', 'numerator_group_events', 'numerator_group_population', 'denominator_group_events', 'denominator_group_population', 'value', 'ci95_lower', 'ci95_upper', 'reading'] as const;

export function evaluationCsvRows(result: EvaluationResult): (string | number | null)[][] {
  if (!result.available) return [];
  const rows: (string | number | null)[][] = [];
  const { evaluation, monthly, definition } = result;
  const numeratorIsWhite = definition.kind === 'ratio' && definition.numeratorGroup === 'white';
  if (monthly && evaluation.monthly) {
    const baseline = evaluation.monthly.againstBaseline;
    monthly.rows.forEach((r, i) => {
      const num = numeratorIsWhite ? r.white : r.ethnicMinority;
      const den = numeratorIsWhite ? r.ethnicMinority : r.white;
      const after = r.month >= evaluation.monthly!.startMonth;
      const point = baseline?.points[i];
      rows.push(['month', r.month, num?.events ?? null, num?.population ?? null, den?.events ?? null, den?.population ?? null, r.value, r.ci95?.[0] ?? null, r.ci95?.[1] ?? null, after && point && r.value !== null ? point.pointType : '']);
    });
  }
  const year = (part: string, f: YearFigure | null) => {
    if (!f) return;
    const c = f.counts as EventCount | RatioYear;
    const [a, b] = 'numerator' in c ? [c.numerator, c.denominator] : [c, null];
    rows.push([part, String(f.year), a.events, a.population, b?.events ?? null, b?.population ?? null, f.value, f.ci95?.[0] ?? null, f.ci95?.[1] ?? null, '']);
  };
  year('year before', evaluation.annual?.before ?? null);
  year('year after', evaluation.annual?.after ?? null);
  const change = evaluation.annual?.change;
  if (change) rows.push(['change', '', null, null, null, null, change.estimate, change.ci95[0], change.ci95[1], evaluation.annual?.reading ?? '']);
  const did = evaluation.annual?.differenceInDifferences;
  if (did) rows.push(['difference in differences', '', null, null, null, null, did.estimate, did.ci95[0], did.ci95[1], evaluation.annual?.didReading ?? '']);
  rows.push(['verdict', '', null, null, null, null, null, null, null, evaluation.headline]);
  return rows;
}
