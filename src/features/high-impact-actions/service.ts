/**
 * The high-impact actions' use-cases, with no HTTP (issue 14, item 3): for an organisation's year, each of the six
 * actions of the EDI Improvement Plan with its success metrics. The metrics Mirror can compute are read from the
 * standards' stored reports exactly as the board pack and objectives read them (`scopedStoredReport` for the whole
 * organisation and `headlineFigure`; the WRES report's and the WDES counts' senior bands through the targets' band
 * counting; the pay gaps as the overview reads them, for sharing); the others are entered by analysts with their
 * source and year. Each action lists the objectives and interventions serving it: an objective naming the action,
 * its interventions, and those linked to it (action_links). Small numbers are withheld unless `policy` is null.
 */
import type { HeadlineResult } from '../../core/act/headline.ts';
import { headlineFigure } from '../../core/act/headline.ts';
import { type HighImpactActionId, highImpactAction } from '../../core/act/high-impact-actions.ts';
import { seniorLeadershipShare, shortlistedShare, withSmallNumbersWithheld, wresBandShareYear } from '../../core/actions/figures.ts';
import { type ActionWithMetrics, actionsWithMetrics, type MetricSource, type SuccessMetric, successMetric } from '../../core/actions/success-metrics.ts';
import type { CharacteristicPayGap } from '../../core/paygap/report.ts';
import { WHOLE_ORGANISATION } from '../../core/scopes/scope.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { WDES_TARGET_GROUP } from '../../core/targets/band-shares.ts';
import { WRES_TARGET_GROUP, type TargetYearInput } from '../../core/targets/model-employer.ts';
import { scopedStoredReport } from '../../services/scoped-reports.ts';
import { payGapFor, wdesTargetYears } from '../../services/standards-report-service.ts';
import type { ActionLink, MetricEntry } from '../../store/eds-types.ts';
import type { Intervention } from '../../store/intervention-types.ts';
import type { Objective } from '../../store/objective-types.ts';
import type { Store } from '../../store/store.ts';

export interface ActionsServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
}

export type ComputedFigure =
  | { readonly kind: 'headline'; readonly source: MetricSource; readonly result: HeadlineResult }
  | { readonly kind: 'payGap'; readonly source: MetricSource & { kind: 'payGap' }; readonly gap: CharacteristicPayGap | null };

export interface MetricView {
  readonly metric: SuccessMetric;
  readonly figures: readonly ComputedFigure[];
  readonly entry: MetricEntry | null;
}

export interface Serving<T> {
  readonly item: T;
  /** The link's id when the item serves the action through a link (which can be removed); null when it names the action itself. */
  readonly linkId: number | null;
}

export interface ActionView {
  readonly action: ActionWithMetrics['action'];
  readonly metrics: readonly MetricView[];
  readonly objectives: readonly Serving<Objective>[];
  readonly interventions: readonly Serving<Intervention>[];
}

type Reports = Map<string, unknown>;

async function computed(services: ActionsServices, organisationId: number, year: number, source: MetricSource, reports: Reports, policy: DisclosurePolicy | null): Promise<ComputedFigure> {
  const report = async (standardId: string): Promise<unknown> => {
    if (!reports.has(standardId)) {
      const standard = services.standards.get(standardId);
      const stored = standard ? await scopedStoredReport(services.store, standard, organisationId, year, WHOLE_ORGANISATION, { suppressBreakdowns: true }) : null;
      reports.set(standardId, stored?.status === 'ok' ? stored.report : null);
    }
    return reports.get(standardId);
  };
  const indicator = async (standardId: string, id: string): Promise<HeadlineResult> => {
    const definition = services.standards.get(standardId)?.indicators.find((i) => i.id === id);
    const r = await report(standardId);
    if (!definition) return { available: false, reason: `the standard has no indicator ${id}` };
    return r === null ? { available: false, reason: `no ${standardId.toUpperCase()} figures were imported for ${year}` } : headlineFigure(definition, r, year);
  };
  switch (source.kind) {
    case 'indicator':
      return { kind: 'headline', source, result: withSmallNumbersWithheld(await indicator(source.standard, source.indicator), policy) };
    case 'shortlistedShare': {
      const ratio = await indicator(source.standard, '2');
      return { kind: 'headline', source, result: withSmallNumbersWithheld(shortlistedShare(ratio, source.standard === 'wres' ? 'ethnicMinority' : 'disabled'), policy) };
    }
    case 'seniorShare': {
      let result: HeadlineResult;
      if (source.standard === 'wres') {
        const r = await report('wres');
        result = r === null ? { available: false, reason: `no WRES figures were imported for ${year}` }
          : { available: true, figure: seniorLeadershipShare(WRES_TARGET_GROUP, wresBandShareYear(r as TargetYearInput)) };
      } else {
        const [counts] = await wdesTargetYears(services.store, organisationId, [year]);
        result = counts ? { available: true, figure: seniorLeadershipShare(WDES_TARGET_GROUP, counts) } : { available: false, reason: `no WDES figures were imported for ${year}` };
      }
      return { kind: 'headline', source, result: withSmallNumbersWithheld(result, policy) };
    }
    case 'payGap': {
      if (!reports.has('paygap-sharing')) reports.set('paygap-sharing', await payGapFor(services.store, organisationId, year, { forSharing: true }));
      const gaps = reports.get('paygap-sharing') as Awaited<ReturnType<typeof payGapFor>>;
      return { kind: 'payGap', source, gap: gaps ? gaps[source.characteristic] : null };
    }
  }
}

/** The six actions for an organisation's year. `policy` withholds small numbers; null only for the organisation's analysts on screen. */
export async function highImpactActions(services: ActionsServices, organisationId: number, year: number, policy: DisclosurePolicy | null): Promise<readonly ActionView[]> {
  const { store } = services;
  const reports: Reports = new Map();
  const [entries, links, objectives, interventions] = await Promise.all([
    store.highImpactActions.entries(organisationId, year), store.highImpactActions.links(organisationId),
    store.objectives.list(organisationId), store.interventions.list(organisationId),
  ]);
  const views: ActionView[] = [];
  for (const { action, metrics } of actionsWithMetrics()) {
    const metricViews: MetricView[] = [];
    for (const metric of metrics) {
      const figures: ComputedFigure[] = [];
      for (const source of metric.computed) figures.push(await computed(services, organisationId, year, source, reports, policy));
      metricViews.push({ metric, figures, entry: entries.find((e) => e.metric === metric.id) ?? null });
    }
    const mine = links.filter((l) => l.action === action.id);
    const servingObjectives: Serving<Objective>[] = [
      ...objectives.filter((o) => o.action === action.id).map((item) => ({ item, linkId: null })),
      ...mine.filter((l) => l.objectiveId !== null && !objectives.some((o) => o.id === l.objectiveId && o.action === action.id))
        .flatMap((l) => objectives.filter((o) => o.id === l.objectiveId).map((item) => ({ item, linkId: l.id }))),
    ];
    const servingIds = new Set(servingObjectives.map((o) => o.item.id));
    const servingInterventions: Serving<Intervention>[] = [
      ...interventions.filter((i) => servingIds.has(i.objectiveId)).map((item) => ({ item, linkId: null })),
      ...mine.filter((l) => l.interventionId !== null).flatMap((l) => interventions.filter((i) => i.id === l.interventionId && !servingIds.has(i.objectiveId)).map((item) => ({ item, linkId: l.id }))),
    ];
    views.push({ action, metrics: metricViews, objectives: servingObjectives, interventions: servingInterventions });
  }
  return views;
}

export interface Problem { readonly field: string; readonly message: string }

/** An entered figure from the form: metric, value, source and the source's year. */
export function checkEntry(form: Readonly<Record<string, string>>, year: number): { ok: true; value: Omit<MetricEntry, 'updatedAt' | 'updatedBy'> } | { ok: false; problems: readonly Problem[] } {
  const metric = successMetric((form['metric'] ?? '').trim());
  const value = (form['value'] ?? '').trim();
  const source = (form['source'] ?? '').trim();
  const sourceYear = (form['sourceYear'] ?? '').trim();
  const problems: Problem[] = [];
  if (!metric) problems.push({ field: 'metric', message: 'Choose the success metric' });
  if (value === '' || value.length > 100) problems.push({ field: 'value', message: 'Enter the figure as the source gives it, such as 7.1 or 68%, up to 100 characters' });
  if (source === '' || source.length > 300) problems.push({ field: 'source', message: 'Enter where the figure comes from, such as the National Education and Training Survey 2024, up to 300 characters' });
  if (!/^\d{4}$/.test(sourceYear) || Number(sourceYear) < 2000 || Number(sourceYear) > year + 1) problems.push({ field: 'sourceYear', message: `Enter the year of the source, as four digits, no later than ${year + 1}` });
  return problems.length ? { ok: false, problems } : { ok: true, value: { metric: metric!.id, year, value, source, sourceYear: Number(sourceYear) } };
}

/** A link from the form: an action and "objective:12" or "intervention:7". */
export function checkLink(form: Readonly<Record<string, string>>): { ok: true; value: Omit<ActionLink, 'id'> } | { ok: false; problems: readonly Problem[] } {
  const action = highImpactAction((form['action'] ?? '').trim());
  const target = /^(objective|intervention):([1-9]\d{0,9})$/.exec((form['target'] ?? '').trim());
  const problems: Problem[] = [];
  if (!action) problems.push({ field: 'link-action', message: 'Choose the high-impact action' });
  if (!target) problems.push({ field: 'target', message: 'Choose an objective or an intervention' });
  if (problems.length) return { ok: false, problems };
  const id = Number(target![2]);
  return { ok: true, value: { action: action!.id as HighImpactActionId, objectiveId: target![1] === 'objective' ? id : null, interventionId: target![1] === 'intervention' ? id : null } };
}
