/**
 * Comparisons between organisations: funnel plots of WRES indicators 2–8 for one year, with the member's own
 * organisation highlighted among a peer group (every organisation in the store, those of the same region, or those of
 * the same type), and the same figures as a CSV download. Membership first (404 otherwise) and every view and export
 * audited, as on the other pages. Other organisations appear only through their organisation-level headline figures,
 * as published in the national return; no breakdown of theirs is read or shown, and the download withholds their
 * small counts. Indicators 2–4 are centred on the national figure where an administrator has entered one for the
 * year (see national-figures.ts), and on the pooled peer figure otherwise.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NATIONAL_RATIO_DEFINITIONS, nationalRatio, nationalTargetsOf, type NationalRatio } from '../../core/comparisons/national-figure.ts';
import {
  MINIMUM_PEERS,
  PEER_INDICATORS,
  peerFunnels,
  type FunnelPosition,
  type PeerFunnel,
  type PeerIndicator,
  type PeerFunnels,
  type PeerOrganisation,
  type PeerRatioIndicator,
} from '../../core/comparisons/peer-funnels.ts';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { NationalFigure, Organisation, Store } from '../../store/store.ts';
import type { Services } from '../services.ts';
import { requireMembership } from '../auth/plugin.ts';
import { chartId, funnelChart, type FunnelChartOptions, type FunnelChartPoint } from '../charts/index.ts';
import { csvText, sendCsv, type CsvCell } from '../csv-download.ts';
import { pageContext } from '../page-context.ts';
import { countsText } from './national-figures.ts';

interface Params { code: string; year: string }

export const PEER_GROUPS = ['all', 'region', 'type'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

/** For 7 a higher share is better; for 5, 6 and 8 (experiences) and 2–4 (above 1, ethnic minority staff fare worse) lower is. */
const HIGHER_IS_BETTER: Readonly<Record<PeerIndicator, boolean>> = { '2': false, '3': false, '4': false, '5': false, '6': false, '7': true, '8': false };

const POSITION_WORDS: Readonly<Record<FunnelPosition, string>> = {
  inside95: 'Inside the 95% limits',
  between: 'Between the 95% and 99.8% limits',
  outside998: 'Outside the 99.8% limits',
  notCalculable: 'Not calculable',
};

function base(organisation: Organisation, year: number): string {
  return `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
}

function formatValue(value: number | null, kind: PeerFunnel['kind']): string {
  if (value === null) return '–';
  return kind === 'proportion' ? `${(value * 100).toFixed(1)}%` : value.toFixed(2);
}

function formatLimits(limits: readonly [number, number] | null, kind: PeerFunnel['kind']): string {
  return limits ? `${formatValue(limits[0], kind)} to ${formatValue(limits[1], kind)}` : '–';
}

/** The plain-language reading of where the member's organisation lies. */
export function reading(funnel: PeerFunnel, code: string): string {
  const own = funnel.points.find((p) => p.code === code);
  const peer = funnel.targetSource === 'national' ? 'the national figure' : 'the peer figure';
  if (!own || own.position === 'notCalculable') return 'Your organisation’s figure cannot be calculated for this indicator, so it is not on the plot.';
  const side = own.value !== null && own.value > funnel.target ? 'above' : 'below';
  const better = (side === 'above') === HIGHER_IS_BETTER[funnel.indicator];
  const judgement = better ? 'better than' : 'worse than';
  if (own.position === 'inside95') {
    return `Your organisation lies inside the 95% limits: its figure is consistent with chance variation around ${peer}.`;
  }
  if (own.position === 'between') {
    return `Your organisation lies ${side} the 95% limits but inside the 99.8% limits: its figure is ${judgement} ${peer} by a little more than chance alone would usually give, which is worth watching rather than a clear difference.`;
  }
  return `Your organisation lies ${side} the 99.8% limits: its figure is ${judgement} ${peer} by more than chance variation would explain.`;
}

/** A national figure an administrator entered for the year, with its ratio, when it can centre a funnel. */
export interface UsableNationalFigure {
  readonly figure: NationalFigure;
  readonly ratio: NationalRatio;
}

/** The year's national figures that can centre a funnel (ratio above 0), by indicator. */
export async function nationalFiguresFor(store: Store, year: number): Promise<Partial<Record<PeerRatioIndicator, UsableNationalFigure>>> {
  const out: Partial<Record<PeerRatioIndicator, UsableNationalFigure>> = {};
  for (const figure of await store.nationalFigures.forYear(year)) {
    const ratio = nationalRatio(figure.indicator, figure);
    if (ratio.usableAsTarget) out[figure.indicator] = { figure, ratio };
  }
  return out;
}

/**
 * The targets for `peerFunnels(year, peers, { nationalTargets })`: the national relative likelihoods an
 * administrator entered for the year (indicators 2–4); an indicator without one keeps the pooled peer figure.
 * Everything that draws or reads the funnels (the comparisons page, its download, the overview's board readings)
 * should pass these, so that they all centre on the same figure.
 */
export async function nationalTargetsFor(store: Store, year: number): Promise<Partial<Record<PeerRatioIndicator, number>>> {
  return nationalTargetsOf(await store.nationalFigures.forYear(year));
}

/** What the page and the download say about a national target: its ratio, interval, counts and source. */
function nationalTargetView(indicator: PeerRatioIndicator, usable: UsableNationalFigure) {
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

export const COMPARE_CSV_HEADER = [
  'indicator', 'measure', 'organisation_code', 'organisation_name', 'your_organisation',
  'white_events', 'white_people', 'ethnic_minority_events', 'ethnic_minority_people',
  'value', 'ci95_low', 'ci95_high', 'limits95_low', 'limits95_high', 'limits998_low', 'limits998_high', 'position',
  'target', 'target_source', 'national_ci95_low', 'national_ci95_high',
  'national_white_events', 'national_white_people', 'national_ethnic_minority_events', 'national_ethnic_minority_people', 'national_source',
  'phi', 'withheld',
] as const;

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
 * organisation is not withheld: its headline figures are its own, as in its WRES download.
 */
export function compareCsvRows(
  result: PeerFunnels,
  ownCode: string,
  national: Partial<Record<PeerRatioIndicator, UsableNationalFigure>>,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const id of PEER_INDICATORS) {
    const funnel = result.funnels[id];
    if (!funnel) continue;
    const rate = funnel.kind === 'proportion';
    const scale = (n: number | null | undefined) => (n === null || n === undefined ? null : rate ? n * 100 : n);
    const nationalFigure = funnel.targetSource === 'national' && !rate ? national[id as PeerRatioIndicator] : undefined;
    const target: CsvCell[] = [
      scale(funnel.target), funnel.targetSource,
      nationalFigure?.ratio.ci95?.[0], nationalFigure?.ratio.ci95?.[1],
      nationalFigure?.figure.white.events, nationalFigure?.figure.white.population,
      nationalFigure?.figure.ethnicMinority.events, nationalFigure?.figure.ethnicMinority.population, nationalFigure?.figure.source,
      funnel.phi,
    ];
    for (const p of funnel.points) {
      const own = p.code === ownCode;
      // The counts behind the figure by group: for ratios in the indicator's orientation, for the survey ethnic minority only.
      let white: { events: number; population: number } | null = null;
      let ethnicMinority: { events: number; population: number } | null = null;
      if (p.numerator !== null && p.denominator !== null) {
        const first = { events: p.numerator, population: p.denominator };
        if (rate) ethnicMinority = first;
        else if (NATIONAL_RATIO_DEFINITIONS[id as PeerRatioIndicator].numeratorGroup === 'white') [white, ethnicMinority] = [first, p.comparison];
        else [ethnicMinority, white] = [first, p.comparison];
      }
      const cells = [white, ethnicMinority].flatMap((c) => (c ? [c.events, c.population, c.population - c.events] : []));
      const withheld = !own && cells.some((n) => isDisclosive(n, policy));
      const measure = rate ? 'percentage of ethnic minority respondents' : 'relative likelihood';
      const identity: CsvCell[] = [id, measure, p.code, p.name, own];
      if (withheld) {
        rows.push([...identity, ...Array(12).fill(null), ...target, withheldReason(policy)]);
        continue;
      }
      rows.push([
        ...identity,
        white?.events, white?.population, ethnicMinority?.events, ethnicMinority?.population,
        scale(p.value), scale(p.ci95?.[0]), scale(p.ci95?.[1]),
        scale(p.limits95?.[0]), scale(p.limits95?.[1]), scale(p.limits998?.[0]), scale(p.limits998?.[1]),
        `${POSITION_WORDS[p.position]}${p.direction ? ` (${p.direction})` : ''}`,
        ...target, '',
      ]);
    }
  }
  return rows;
}

function parsePeerGroup(value: unknown): PeerGroup | null {
  if (value === undefined) return 'all';
  return typeof value === 'string' && (PEER_GROUPS as readonly string[]).includes(value) ? (value as PeerGroup) : null;
}

function inGroup(group: PeerGroup, own: Organisation, other: Organisation): boolean {
  if (group === 'region') return own.region !== null && other.region === own.region;
  if (group === 'type') return own.type !== null && other.type === own.type;
  return true;
}

/** Where a comparison's figures come from, for the page and its download alike. */
interface Comparison {
  readonly organisation: Organisation;
  readonly year: number;
  readonly group: PeerGroup;
  readonly peers: readonly PeerOrganisation[];
  readonly enough: boolean;
  readonly national: Partial<Record<PeerRatioIndicator, UsableNationalFigure>>;
  readonly result: PeerFunnels | null;
}

/**
 * Membership first (404 otherwise), then the year and the peer group (400 for an unknown group); null once replied.
 * Each organisation in the group is read through its headline figures only, and the year's national figures
 * become the targets of indicators 2–4 where an administrator has entered them.
 */
async function loadComparison(
  services: Services,
  request: FastifyRequest<{ Params: Params; Querystring: { peers?: string } }>,
  reply: FastifyReply,
): Promise<Comparison | null> {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const organisation = membership.organisation;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  if (year === null || !(await services.store.organisations.years(organisation.id)).includes(year)) {
    await reply.callNotFound();
    return null;
  }
  const group = parsePeerGroup(request.query.peers);
  if (group === null) {
    await reply.code(400).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
      title: 'There is a problem with the request', message: 'Choose a peer group from the links on the comparisons page: every organisation, the same region or the same type.',
    })));
    return null;
  }

  const candidates = (await services.store.organisations.all()).filter((o) => inGroup(group, organisation, o) || o.id === organisation.id);
  const peers: PeerOrganisation[] = [];
  for (const o of candidates) {
    // Headline figures only: the report with disclosure control, of which nothing below organisation level is read.
    const report = await wresReportFor(services.store, o.id, year, { suppressBreakdowns: true });
    if (report) peers.push({ code: o.code, name: o.name, report });
  }
  peers.sort((a, b) => (a.code === organisation.code ? -1 : b.code === organisation.code ? 1 : a.name.localeCompare(b.name)));
  const enough = peers.length >= MINIMUM_PEERS;
  const national = await nationalFiguresFor(services.store, year);
  const result = enough ? peerFunnels(year, peers, { nationalTargets: nationalTargetsOf(Object.values(national).map((n) => n.figure)) }) : null;
  return { organisation, year, group, peers, enough, national, result };
}

/** A peer funnel's organisations as the funnel charts draw them, the member's own highlighted. */
export function funnelChartPoints(funnel: PeerFunnel, ownCode: string): FunnelChartPoint[] {
  return funnel.points.map((p) => ({ label: p.name, x: p.x, value: p.value, limits95: p.limits95, limits998: p.limits998, highlighted: p.code === ownCode }));
}

/** The unit, target and limit curves the funnel charts need, the same for the full plot and the thumbnail. */
export function funnelChartScale(funnel: PeerFunnel): Pick<FunnelChartOptions, 'unit' | 'target' | 'targetLabel' | 'curve'> {
  return {
    unit: funnel.kind === 'proportion' ? 'rate' : 'ratio',
    target: funnel.target,
    targetLabel: funnel.targetSource === 'national' ? 'National figure' : 'Peer figure',
    curve: funnel.curve,
  };
}

export function registerCompareRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params; Querystring: { peers?: string } }>('/organisations/:code/:year/compare', async (request, reply) => {
    const comparison = await loadComparison(services, request, reply);
    if (!comparison) return reply;
    const { organisation, year, group, peers, enough, national, result } = comparison;
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: `compare/${year}/${group}`,
      details: { organisations: peers.length },
    });

    const funnels: Record<string, unknown>[] = result
      ? PEER_INDICATORS.flatMap((id): Record<string, unknown>[] => {
        const funnel = result.funnels[id];
        if (!funnel) return [{ id, title: null, missing: true }];
        const rate = funnel.kind === 'proportion';
        const { targetLabel } = funnelChartScale(funnel);
        return [{
          id,
          missing: false,
          title: funnel.title,
          kind: funnel.kind,
          target: formatValue(funnel.target, funnel.kind),
          targetLabel,
          national: funnel.targetSource === 'national' && funnel.kind === 'relativeLikelihood' && national[id as PeerRatioIndicator]
            ? nationalTargetView(id as PeerRatioIndicator, national[id as PeerRatioIndicator]!) : null,
          adjusted: funnel.judgedAgainst === 'adjusted',
          phi: funnel.phi.toFixed(2),
          plotted: funnel.plotted,
          reading: reading(funnel, organisation.code),
          higherIsBetter: HIGHER_IS_BETTER[id],
          chart: funnelChart(
            funnelChartPoints(funnel, organisation.code),
            {
              id: chartId('compare', `indicator-${id}`), title: `Indicator ${id} funnel plot, ${year}`, ...funnelChartScale(funnel),
              xLabel: rate ? 'Ethnic minority respondents' : 'Precision (1 ÷ squared standard error of the log relative likelihood)',
              yLabel: rate ? 'Percentage of ethnic minority respondents' : 'Relative likelihood (log scale)',
            },
          ),
          rows: funnel.points.map((p) => ({
            name: p.name,
            own: p.code === organisation.code,
            counts: p.numerator === null || p.denominator === null ? '–'
              : rate ? `${p.numerator.toLocaleString('en-GB')} of ${p.denominator.toLocaleString('en-GB')}`
              : `${id === '3' ? 'Ethnic minority' : 'White'}: ${p.numerator.toLocaleString('en-GB')} of ${p.denominator.toLocaleString('en-GB')}; ${id === '3' ? 'White' : 'ethnic minority'}: ${p.comparison?.events.toLocaleString('en-GB')} of ${p.comparison?.population.toLocaleString('en-GB')}`,
            value: formatValue(p.value, funnel.kind),
            limits95: formatLimits(p.limits95, funnel.kind),
            limits998: formatLimits(p.limits998, funnel.kind),
            position: POSITION_WORDS[p.position],
            side: p.direction,
          })),
        }];
      })
      : [];
    const benchmark = result
      ? result.benchmark.map((row) => ({
        name: row.name,
        own: row.code === organisation.code,
        cells: PEER_INDICATORS.map((id) => {
          const cell = row.figures[id];
          const kind = result.funnels[id]?.kind ?? (id < '5' ? 'relativeLikelihood' : 'proportion');
          return { value: formatValue(cell.value, kind), position: cell.position === 'notCalculable' ? '' : POSITION_WORDS[cell.position] };
        }),
      }))
      : [];
    const href = (g: PeerGroup) => `${base(organisation, year)}/compare${g === 'all' ? '' : `?peers=${g}`}`;
    const groups = [
      { key: 'all', text: 'Every organisation with figures for this year', href: href('all') },
      ...(organisation.region ? [{ key: 'region', text: `Organisations in the same region (${organisation.region})`, href: href('region') }] : []),
      ...(organisation.type ? [{ key: 'type', text: `Organisations of the same type (${organisation.type})`, href: href('type') }] : []),
    ].map((g) => ({ ...g, current: g.key === group }));

    return reply.type('text/html').send(services.render('pages/compare.njk', pageContext(request, reply, {
      title: `Comparisons ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base(organisation, year), text: `WRES ${year}` }],
      organisation, year, group, groups, enough, count: peers.length, minimum: MINIMUM_PEERS,
      funnels, benchmark, indicators: PEER_INDICATORS, dashboardHref: base(organisation, year),
      csvHref: `${base(organisation, year)}/compare.csv${group === 'all' ? '' : `?peers=${group}`}`,
    })));
  });

  app.get<{ Params: Params; Querystring: { peers?: string } }>('/organisations/:code/:year/compare.csv', async (request, reply) => {
    const comparison = await loadComparison(services, request, reply);
    if (!comparison) return reply;
    const { organisation, year, group, peers, national, result } = comparison;
    const rows = result ? compareCsvRows(result, organisation.code, national) : [];
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'export', organisationId: organisation.id, subject: `compare/${year}/${group}.csv`,
      details: { organisations: peers.length, withheld: rows.filter((r) => r[r.length - 1] !== '').length },
    });
    return sendCsv(reply, `compare-${organisation.code}-${year}${group === 'all' ? '' : `-${group}`}.csv`, csvText(COMPARE_CSV_HEADER, rows));
  });
}
