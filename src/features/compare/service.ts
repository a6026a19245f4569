/**
 * The comparisons' use-cases, with no HTTP: the peer group an organisation is compared with (every organisation in
 * the store, those of the same region, or those of the same type), each peer read through its organisation-level
 * headline figures only (each report with disclosure control, of which nothing below organisation level is read),
 * and the funnels of one year's figures for WRES (indicators 2–8) and WDES (metrics 2, 3 and 4a–8). WRES indicators
 * 2–4 are centred on the national figure where an administrator has entered one for the year (see
 * features/national-figures/), and on the pooled peer figure otherwise; WDES funnels always on the pooled peer figure.
 */
import { createHash } from 'node:crypto';
import { nationalRatio, nationalTargetsOf, type NationalRatio } from '../../core/comparisons/national-figure.ts';
import {
  MINIMUM_PEERS,
  peerFunnelsOf,
  WRES_PEER_SET,
  type PeerFunnels,
  type PeerFunnelSet,
  type PeerOrganisationOf,
  type PeerRatioIndicator,
  type PeerRatioInput,
  type PeerSurveyInputOf,
} from '../../core/comparisons/peer-funnels.ts';
import { WDES_PEER_SET, wdesPeerReport } from '../../core/comparisons/wdes-peer-funnels.ts';
import { WDES_STANDARD, WRES_STANDARD } from '../../core/standards/index.ts';
import { computedCache } from '../../services/computed-cache.ts';
import { wdesReportFor } from '../../services/standards-report-service.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { NationalFigure, Organisation, Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** A national figure an administrator entered for the year, with its ratio, when it can centre a funnel. */
export interface UsableNationalFigure {
  readonly figure: NationalFigure;
  readonly ratio: NationalRatio;
}

export const PEER_GROUPS = ['all', 'region', 'type'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

/** The peer group a request names: every organisation when none is named, null for one that is not a group. */
export function parsePeerGroup(value: unknown): PeerGroup | null {
  if (value === undefined) return 'all';
  return typeof value === 'string' && (PEER_GROUPS as readonly string[]).includes(value) ? (value as PeerGroup) : null;
}

function inGroup(group: PeerGroup, own: Organisation, other: Organisation): boolean {
  if (group === 'region') return own.region !== null && other.region === own.region;
  if (group === 'type') return own.type !== null && other.type === own.type;
  return true;
}

/** The year's national figures that can centre a funnel (ratio above 0), by indicator. */
export async function nationalFiguresFor(store: Store, year: number): Promise<Partial<Record<PeerRatioIndicator, UsableNationalFigure>>> {
  return usableNationalFigures(await store.nationalFigures.forYear(year));
}

function usableNationalFigures(figures: readonly NationalFigure[]): Partial<Record<PeerRatioIndicator, UsableNationalFigure>> {
  const out: Partial<Record<PeerRatioIndicator, UsableNationalFigure>> = {};
  for (const figure of figures) {
    const ratio = nationalRatio(figure.indicator, figure);
    if (ratio.usableAsTarget) out[figure.indicator] = { figure, ratio };
  }
  return out;
}

/** How a standard's peers are compared: its funnels, each peer's headline figures and the national targets. */
interface ComparisonSource {
  readonly set: PeerFunnelSet<string>;
  /** Whether a peer's report reads the year before's import too (the standard's previousYearUse). */
  readonly readsYearBefore: boolean;
  /** One organisation's headline figures for the year, or null when it has none. */
  peerReport(store: Store, organisationId: number, year: number): Promise<PeerOrganisationOf<string>['report'] | null>;
  /** The national figures the comparison reads for the year (none for WDES). */
  nationalRead(store: Store, year: number): Promise<readonly NationalFigure[]>;
}

// Headline figures only: each report with disclosure control, of which nothing below organisation level is read.
const SOURCES: Readonly<Record<'WRES' | 'WDES', ComparisonSource>> = {
  WRES: {
    set: WRES_PEER_SET as unknown as PeerFunnelSet<string>,
    readsYearBefore: WRES_STANDARD.previousYearUse !== null,
    peerReport: async (store, id, year) => (await wresReportFor(store, id, year, { suppressBreakdowns: true })) as unknown as PeerOrganisationOf<string>['report'] | null,
    nationalRead: (store, year) => store.nationalFigures.forYear(year),
  },
  WDES: {
    set: WDES_PEER_SET as unknown as PeerFunnelSet<string>,
    readsYearBefore: WDES_STANDARD.previousYearUse !== null,
    peerReport: async (store, id, year) => {
      const report = await wdesReportFor(store, id, year, { suppressBreakdowns: true });
      return report ? (wdesPeerReport(report) as unknown as PeerOrganisationOf<string>['report']) : null;
    },
    nationalRead: async () => [],
  },
};

/** A comparison's figures, for the page and its download alike. */
export interface Comparison {
  /** The organisations compared with figures for the year, the member's own first, then by name. */
  readonly peers: readonly PeerOrganisationOf<string>[];
  /** Whether there are enough organisations (MINIMUM_PEERS) for funnels. */
  readonly enough: boolean;
  readonly national: Partial<Record<string, UsableNationalFigure>>;
  /** The funnels, or null when there are too few organisations. */
  readonly result: PeerFunnels<string> | null;
}

type PeerReport = PeerOrganisationOf<string>['report'];

/**
 * Of a peer's report, only what the funnels read (core/comparisons/peer-funnels.ts: each compared indicator's
 * availability, title, orientation and group counts), so a kept comparison holds a few hundred bytes a peer rather
 * than its whole report.
 */
function headlineOnly(set: PeerFunnelSet<string>, report: PeerReport): PeerReport {
  const indicators: Record<string, PeerRatioInput | PeerSurveyInputOf> = {};
  for (const id of [...set.ratioIndicators, ...set.surveyIndicators]) {
    const entry = report.indicators[id] as (PeerRatioInput & PeerSurveyInputOf) | undefined;
    if (!entry) continue;
    const { available, title, orientation, groups } = entry;
    indicators[id] = {
      available,
      ...(title === undefined ? {} : { title }),
      ...(orientation === undefined ? {} : { orientation }),
      ...(groups === undefined ? {} : { groups }),
    };
  }
  return { year: report.year, indicators };
}

/**
 * The organisation's comparison with its peer group for a year, in a standard. Each organisation in the group is
 * read through its headline figures only, and the year's national figures become the targets of WRES indicators
 * 2–4 where an administrator has entered them. With a signal, the work stops (an AbortError) between
 * organisations once it is aborted: when the client has gone, say.
 *
 * Built once per set of current imports: kept in the store's computed cache (services/computed-cache.ts) under the
 * standard, the year, the peer group, the organisation compared, every organisation of the group with its code, name
 * and the ids of the current versions read (the year's and, where the standard reads it, the year before's), and a
 * hash of the national figures read. A peer's new import, a renamed or regrouped organisation, or a changed national
 * figure is therefore a new key, and shows at once; the result is deeply frozen.
 */
export async function comparison(
  services: WithStore,
  standard: 'WRES' | 'WDES',
  organisation: Organisation,
  year: number,
  group: PeerGroup,
  signal?: AbortSignal,
): Promise<Comparison> {
  const { store } = services;
  const source = SOURCES[standard];
  const candidates = (await store.organisations.all()).filter((o) => inGroup(group, organisation, o) || o.id === organisation.id);
  // Every organisation's current versions of the year (and the year before, where read) in one query.
  const current = await store.imports.currentIdsOfAll(source.readsYearBefore ? [year, year - 1] : [year]);
  signal?.throwIfAborted();
  const versions: (string | number | null)[][] = [];
  for (const o of candidates) {
    const ids = current.get(o.id);
    const id = ids?.get(year);
    if (id === undefined) continue;
    versions.push([o.id, o.code, o.name, id, source.readsYearBefore ? (ids?.get(year - 1) ?? null) : null]);
  }
  const figures = await source.nationalRead(store, year);
  const nationalDigest = createHash('sha256').update(JSON.stringify(figures)).digest('base64url');
  const key = JSON.stringify(['comparison', standard, year, group, organisation.id, organisation.code, versions, nationalDigest]);
  const compute = () => computeComparison(store, source, organisation, year, candidates, figures, signal);
  // Requests for the same key share one computation; if another request's client went and stopped it, this one,
  // still wanted, computes again (a few times at most, so an AbortError from elsewhere cannot loop for ever).
  for (let attempt = 1; ; attempt++) {
    try {
      return await computedCache(store).get(key, compute);
    } catch (fault) {
      if (!(fault instanceof Error && fault.name === 'AbortError') || signal?.aborted || attempt >= 3) throw fault;
    }
  }
}

async function computeComparison(
  store: Store,
  source: ComparisonSource,
  organisation: Organisation,
  year: number,
  candidates: readonly Organisation[],
  figures: readonly NationalFigure[],
  signal: AbortSignal | undefined,
): Promise<Comparison> {
  const peers: PeerOrganisationOf<string>[] = [];
  for (const o of candidates) {
    signal?.throwIfAborted();
    const report = await source.peerReport(store, o.id, year);
    if (report) peers.push({ code: o.code, name: o.name, report: headlineOnly(source.set, report) });
  }
  peers.sort((a, b) => (a.code === organisation.code ? -1 : b.code === organisation.code ? 1 : a.name.localeCompare(b.name)));
  const enough = peers.length >= MINIMUM_PEERS;
  const national: Partial<Record<string, UsableNationalFigure>> = usableNationalFigures(figures);
  const nationalTargets = nationalTargetsOf(Object.values(national).flatMap((n) => (n ? [n.figure] : [])));
  const result = enough ? peerFunnelsOf(source.set, year, peers, { nationalTargets }) : null;
  return { peers, enough, national, result };
}
