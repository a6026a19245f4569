/**
 * The overview's use-cases, with no HTTP: the headline reports of every standard for an organisation's year (all
 * with disclosure control), and the figures behind the board's three questions: each monthly relative likelihood's
 * counts, the peer funnel plots (centred on the national figures an administrator entered for the year, as on the
 * comparisons page) and the senior-band targets.
 */
import type { PeerFunnels } from '../../core/comparisons/peer-funnels.ts';
import { MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES, type MonthlyMeasureKey } from '../../core/monthly/monthly-measures.ts';
import { modelEmployerTargets } from '../../core/targets/model-employer.ts';
import { type MonthlySeriesCounts, monthlyCountsFor } from '../../services/monthly-counts-service.ts';
import { type CurrentImports, currentYears } from '../../services/standard-reports.ts';
import { medicalReportFor, payGapFor, wdesReportFor } from '../../services/standards-report-service.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Store } from '../../store/store.ts';
import { type Comparison, comparison } from '../compare/service.ts';
import type { WresReport } from '../../core/wres/report.ts';

type WithStore = { readonly store: Store };

/**
 * Every standard's headline report of the year (and WRES of the year before), each null when not imported. Given the
 * organisation's current versions as the request read them (web/organisation-year.ts), none is read again.
 */
export async function overviewReports(services: WithStore, organisationId: number, year: number, current?: CurrentImports) {
  const { store } = services;
  const [wres, previousWres, wdes, paygap, medical] = await Promise.all([
    wresReportFor(store, organisationId, year, { suppressBreakdowns: true, current }),
    wresReportFor(store, organisationId, year - 1, { suppressBreakdowns: true, current }),
    wdesReportFor(store, organisationId, year, { suppressBreakdowns: true, current }),
    payGapFor(store, organisationId, year, { forSharing: true, current }),
    medicalReportFor(store, organisationId, year, { suppressBreakdowns: true, current }),
  ]);
  return { wres, previousWres, wdes, paygap, medical };
}

export interface BoardFigures {
  /** Each monthly measure's counts up to the year. */
  readonly monthly: readonly { readonly key: MonthlyMeasureKey; readonly counts: MonthlySeriesCounts }[];
  /** The peer funnels of the year (the comparisons page's, with every organisation); null when too few have figures. */
  readonly funnels: PeerFunnels | null;
  /** The senior-band targets from every imported year up to this one. */
  readonly targets: ReturnType<typeof modelEmployerTargets>;
}

/** What the board's figures are read from: results of the computed cache, as they are read. */
export interface BoardSources {
  readonly monthly: BoardFigures['monthly'];
  /** The comparison with every organisation (frozen, one object per set of peers' imports), or null. */
  readonly comparison: Comparison | null;
  /** The WRES headline reports of every imported year up to this one, oldest first. */
  readonly reports: readonly WresReport[];
}

/**
 * Reads what the board's figures are made from (the overview's page is kept by these: web/page-cache.ts). Given the
 * organisation's current versions as the request read them, the years and reports do not read them again.
 */
export async function boardSources(services: WithStore, organisationId: number, year: number, current?: CurrentImports): Promise<BoardSources> {
  const { store } = services;
  // Together: on PostgreSQL each is a round trip of its own.
  const monthly = await Promise.all(MONTHLY_MEASURE_KEYS.map(async (key) => ({ key, counts: await monthlyCountsFor(store, organisationId, year, MONTHLY_MEASURES[key]) })));

  // The comparisons page's own comparison with every organisation (one cached entry for both), centred on the
  // national figures an administrator entered for the year.
  const organisation = await store.organisations.byId(organisationId);
  const compared = organisation ? await comparison(services, 'WRES', organisation, year, 'all') : null;

  const years = (await currentYears(store, organisationId, current)).filter((y) => y <= year).sort((a, b) => a - b);
  const reports = (await Promise.all(years.map((y) => wresReportFor(store, organisationId, y, { suppressBreakdowns: true, current }))))
    .filter((r): r is NonNullable<typeof r> => r !== null);
  return { monthly, comparison: compared, reports };
}

/** The board's figures from what they are read from. */
export function boardFiguresOf(sources: BoardSources): BoardFigures {
  return { monthly: sources.monthly, funnels: (sources.comparison?.result ?? null) as PeerFunnels | null, targets: modelEmployerTargets(sources.reports, {}) };
}

/** What the board's readings are made from. */
export async function boardFigures(services: WithStore, organisationId: number, year: number): Promise<BoardFigures> {
  return boardFiguresOf(await boardSources(services, organisationId, year));
}
