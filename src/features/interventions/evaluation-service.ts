/**
 * An intervention's evaluation from what the store holds, with no HTTP: the objective's indicator year by year (the
 * headline figure of each stored report, for the objective's scope, with its counts), the monthly series where
 * Mirror keeps one for the indicator (WRES 2, 3 and 4 for the whole organisation), and peers without the
 * intervention (other organisations for an objective of the whole organisation; the organisation's other
 * directorates or staff groups for one of those), pooled. Then `evaluateIntervention` (core/act/evaluation) reads them.
 * Every part that is missing says why, so the page can say it plainly.
 */
import { headlineFigure } from '../../core/act/headline.ts';
import { type AnnualSeries, evaluateIntervention, type EvaluatedMeasure, type InterventionEvaluation, poolPeers, yearsAround } from '../../core/act/evaluation/index.ts';
import type { IndicatorDefinition } from '../../core/indicators/definition.ts';
import { MONTHLY_MEASURES, type MonthlyMeasure } from '../../core/monthly/monthly-measures.ts';
import { relativeLikelihoodRow, withholdSmallMonths, type MonthlyRow } from '../../core/monthly/monthly-rows.ts';
import { parseScope, type Scope, scopeKey, scopeLabel, WHOLE_ORGANISATION } from '../../core/scopes/scope.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { AnyStandard } from '../../core/standards/standard.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { monthlyCountsFor } from '../../services/monthly-counts-service.ts';
import { scopeChoices, scopedStoredReport } from '../../services/scoped-reports.ts';
import type { Intervention } from '../../store/intervention-types.ts';
import type { Objective } from '../../store/objective-types.ts';
import type { Store } from '../../store/store.ts';

/** The WRES indicators Mirror keeps month by month (core/monthly). */
const MONTHLY_BY_INDICATOR: Readonly<Record<string, MonthlyMeasure>> = { '2': MONTHLY_MEASURES.recruitment, '3': MONTHLY_MEASURES.disciplinary, '4': MONTHLY_MEASURES.training };

export interface PeerGroup {
  /** What the peers are, in words: "3 other organisations", "4 other directorates". */
  readonly description: string;
  /** Their names. */
  readonly names: readonly string[];
  readonly series: AnnualSeries | null;
}

export type EvaluationResult =
  | { readonly available: false; readonly reason: string }
  | {
    readonly available: true;
    readonly definition: IndicatorDefinition<string>;
    readonly measure: EvaluatedMeasure;
    readonly scopeLabel: string;
    /** The monthly rows evaluated (disclosure control applied where asked), or null with the reason. */
    readonly monthly: { readonly measure: MonthlyMeasure; readonly rows: readonly MonthlyRow[] } | null;
    readonly monthlyNote: string | null;
    readonly annual: AnnualSeries | null;
    readonly annualNote: string | null;
    readonly peers: PeerGroup | null;
    readonly peersNote: string | null;
    readonly evaluation: InterventionEvaluation;
  };

export interface EvaluationContext {
  readonly store: Store;
  readonly standards: StandardRegistry;
}

/** Which figure is followed: a ratio indicator's relative likelihood, otherwise the focus group's rate or share. */
export function measureOf(definition: IndicatorDefinition<string>): EvaluatedMeasure | null {
  if (definition.kind === 'ratio') return 'relativeLikelihood';
  if (definition.kind === 'proportion' || definition.kind === 'representation') return 'rate';
  return null;
}

/** One organisation's (or scope's) yearly counts of the indicator, from its stored reports; years without a figure are left out. */
export async function annualSeriesOf(
  store: Store, standard: AnyStandard, definition: IndicatorDefinition<string>, measure: EvaluatedMeasure, organisationId: number, scope: Scope,
): Promise<AnnualSeries | null> {
  const ratio: { year: number; counts: { numerator: { events: number; population: number }; denominator: { events: number; population: number } } }[] = [];
  const rate: { year: number; counts: { events: number; population: number } }[] = [];
  for (const year of await store.organisations.years(organisationId)) {
    const stored = await scopedStoredReport(store, standard, organisationId, year, scope, { suppressBreakdowns: true });
    if (stored.status !== 'ok') continue;
    const figure = headlineFigure(definition, stored.report, year);
    if (!figure.available) continue;
    const [first, second] = figure.figure.counts;
    if (!first) continue;
    if (measure === 'rate') rate.push({ year, counts: { events: first.events, population: first.population } });
    else if (second) ratio.push({ year, counts: { numerator: { events: first.events, population: first.population }, denominator: { events: second.events, population: second.population } } });
  }
  if (measure === 'rate') return rate.length ? { measure: 'rate', years: rate } : null;
  return ratio.length ? { measure: 'relativeLikelihood', years: ratio } : null;
}

function hasYears(series: AnnualSeries | null, years: readonly number[]): boolean {
  return series !== null && years.every((year) => series.years.some((y) => y.year === year));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Peers without the intervention that have figures for both years either side of the start: other organisations
 * in the store (leaving out any that follow the same catalogue intervention), or the organisation's other
 * directorates or staff groups.
 */
async function peersOf(
  context: EvaluationContext, standard: AnyStandard, definition: IndicatorDefinition<string>, measure: EvaluatedMeasure,
  objective: Objective, scope: Scope, intervention: Intervention, years: readonly number[],
): Promise<{ peers: PeerGroup | null; note: string | null }> {
  const { store } = context;
  if (years.length < 2) return { peers: null, note: 'Peers are compared once there is a whole reporting year before the start and one after it.' };
  const found: { name: string; series: AnnualSeries }[] = [];
  let leftOut = 0;
  if (scope.kind === 'organisation') {
    const others = (await store.organisations.all()).filter((o) => o.id !== objective.organisationId);
    for (const other of others) {
      if (intervention.catalogueId !== null) {
        const theirs = await store.interventions.list(other.id);
        if (theirs.some((i) => i.catalogueId === intervention.catalogueId)) {
          leftOut += 1;
          continue;
        }
      }
      const series = await annualSeriesOf(store, standard, definition, measure, other.id, WHOLE_ORGANISATION);
      if (series && hasYears(series, years)) found.push({ name: other.name, series });
    }
    const also = leftOut ? ` (${plural(leftOut, 'organisation follows', 'organisations follow')} the same intervention and ${leftOut === 1 ? 'is' : 'are'} left out)` : '';
    if (!found.length) return { peers: null, note: `No other organisation in Mirror has this indicator for both years${also}, so there is no comparison without the intervention.` };
    const description = `${plural(found.length, 'other organisation', 'other organisations')} in Mirror${also}`;
    return { peers: { description, names: found.map((f) => f.name), series: poolPeers(found.map((f) => f.series)) }, note: null };
  }
  if (scope.kind === 'medical') return { peers: null, note: 'The medical workforce has no peers within the organisation, so there is no comparison without the intervention.' };
  const kind = scope.kind === 'directorate' ? 'directorate' : 'staffGroup';
  const latest = Math.max(...years);
  const own = scopeKey(scope);
  const choices = (await scopeChoices(store, objective.organisationId, latest)).filter((c) => c.key.startsWith(kind === 'directorate' ? 'directorate:' : 'staff-group:') && c.key !== own);
  for (const choice of choices) {
    const parsed = parseScope(choice.key);
    if (!parsed.ok) continue;
    const series = await annualSeriesOf(store, standard, definition, measure, objective.organisationId, parsed.scope);
    if (series && hasYears(series, years)) found.push({ name: choice.text.replace(/^[^:]+: /, ''), series });
  }
  const noun = kind === 'directorate' ? ['other directorate', 'other directorates'] as const : ['other staff group', 'other staff groups'] as const;
  if (!found.length) return { peers: null, note: `No ${noun[1]} have this indicator for both years, so there is no comparison without the intervention.` };
  return { peers: { description: `${plural(found.length, noun[0], noun[1])} of the organisation`, names: found.map((f) => f.name), series: poolPeers(found.map((f) => f.series)) }, note: null };
}

/**
 * The evaluation of one intervention under its objective. `policy` is the disclosure control for the monthly series
 * (null for the organisation's analysts on screen, as on the monthly pages).
 */
export async function evaluationOf(context: EvaluationContext, objective: Objective, intervention: Intervention, policy: DisclosurePolicy | null): Promise<EvaluationResult> {
  const { store } = context;
  if (intervention.startDate === null) return { available: false, reason: 'There is no evaluation until the intervention has a start date.' };
  const standard = context.standards.get(objective.standard);
  const definition = standard?.indicators.find((d) => d.id === objective.indicator);
  if (!standard || !definition) return { available: false, reason: `Mirror has no indicator ${objective.indicator} of ${objective.standard}.` };
  const measure = measureOf(definition);
  if (measure === null) return { available: false, reason: 'A gap between the board and the workforce is a count of whole populations with no interval, so it is not evaluated here; follow it on the objective.' };
  const parsed = parseScope(objective.scope);
  const scope = parsed.ok ? parsed.scope : WHOLE_ORGANISATION;

  const annual = await annualSeriesOf(store, standard, definition, measure, objective.organisationId, scope);
  const around = annual ? yearsAround(intervention.startDate, annual.years.map((y) => y.year)) : { before: null, after: null };
  const annualNote = annual === null ? 'No stored year has a figure for this indicator.' : null;

  let monthly: { measure: MonthlyMeasure; rows: MonthlyRow[] } | null = null;
  let monthlyNote: string | null = null;
  const monthlyMeasure = standard.id === 'wres' ? MONTHLY_BY_INDICATOR[objective.indicator] : undefined;
  if (!monthlyMeasure) {
    monthlyNote = 'Mirror keeps a monthly series only for WRES indicators 2, 3 and 4, so this indicator is evaluated year by year.';
  } else if (scope.kind !== 'organisation') {
    monthlyNote = 'The monthly series is kept for the whole organisation only, so this objective is evaluated year by year.';
  } else {
    const years = await store.organisations.years(objective.organisationId);
    const counts = years.length ? await monthlyCountsFor(store, objective.organisationId, Math.max(...years), monthlyMeasure) : { months: [], years: [] };
    if (counts.months.length === 0) {
      monthlyNote = 'No stored year has monthly figures for this indicator (they come from dated rows in the files).';
    } else {
      const rows = counts.months.map((c) => relativeLikelihoodRow(monthlyMeasure, c));
      monthly = { measure: monthlyMeasure, rows: policy ? withholdSmallMonths(rows, policy) : rows };
    }
  }

  const peerYears = [around.before, around.after].filter((y): y is number => y !== null);
  const { peers, note: peersNote } = await peersOf(context, standard, definition, measure, objective, scope, intervention, peerYears);
  const evaluation = evaluateIntervention({
    definition, measure, start: intervention.startDate,
    monthly: monthly ? monthly.rows.map((r) => ({ month: r.month, value: r.value })) : null,
    annual, peers: peers?.series ?? null,
  });
  return { available: true, definition, measure, scopeLabel: scopeLabel(scope), monthly, monthlyNote, annual, annualNote, peers, peersNote, evaluation };
}
