/**
 * The regional and national view's use-cases, with no HTTP (issue 15 item 6, issue 13 item 6): every organisation
 * of the nation, or of one region (optionally of one type), with its WRES and WDES headline figures for a year,
 * rolled up by core/regions. Two sources, one rule of disclosure:
 * - `published`: the latest published version of each organisation's year (features/publish), for the public
 *   pages; its figures were made safe when published;
 * - `current`: each organisation's current import in the store, its reports (breakdowns suppressed) made safe by the
 *   very rule publication uses (core/publish's `publicFigure`: a figure with any count of 1 to 7 is withheld whole),
 *   for administrators; worked out once an import and kept in the store (stored-figures.ts), so a view reads one row
 *   an organisation.
 * Either way only organisation-level headline figures are read; region and type are the organisation's own, as
 * `mirror import --region --type` and the demonstration set them.
 */
import { createHash } from 'node:crypto';
import { ROLLUP_INDICATORS, regionSlug } from '../../core/regions/indicators.ts';
import { rollup, rollupIndicator, type IndicatorRollup, type RollupIndicator, type RollupOrganisation } from '../../core/regions/rollup.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { createComputedCache, type ComputedCache } from '../../services/computed-cache.ts';
import type { Store } from '../../store/store.ts';
import { everyLatestVersion } from '../publish/service.ts';
import { currentFiguresOfYear } from './stored-figures.ts';

export interface RegionsServices {
  readonly store: Store;
  readonly standards: StandardRegistry;
  readonly clock: () => Date;
}

export type Source = 'published' | 'current';

/** Which organisations: the nation, or one region (by its address); either optionally of one type. */
export interface Area {
  readonly region: string | null;
  readonly type: string | null;
}

/** An organisation with its figures for the year, and where it belongs. */
export interface AreaOrganisation extends RollupOrganisation {
  readonly region: string | null;
  readonly type: string | null;
}

export interface RegionChoice {
  readonly name: string;
  readonly slug: string;
  readonly organisations: number;
}

export interface AreaView {
  readonly year: number;
  /** Every year with figures from this source, newest first. */
  readonly years: readonly number[];
  /** The region's name when the area is a region. */
  readonly region: string | null;
  readonly type: string | null;
  /** The regions and types with figures this year, for choosing another area. */
  readonly regions: readonly RegionChoice[];
  readonly types: readonly string[];
  /** Organisations in the area with figures for the year. */
  readonly organisations: number;
  readonly synthetic: boolean;
}

const POLICY = DEFAULT_DISCLOSURE_POLICY;

/**
 * The view's own bounded cache per open store, beside the computed cache: its entries (an area's rollups) would
 * otherwise be pushed out of the shared cache by the reports pages read, of which 220 organisations' two standards
 * fill its 64 MiB. Keys are a digest of exactly what a rollup is worked out from, so nothing is invalidated by hand.
 */
const REGION_CACHE_ENTRIES = 2_000;
const REGION_CACHE_BYTES = 32 * 2 ** 20;
const regionCaches = new WeakMap<object, ComputedCache>();

function regionCache(store: Store): ComputedCache {
  let cache = regionCaches.get(store);
  if (!cache) {
    cache = createComputedCache({ maxEntries: REGION_CACHE_ENTRIES, maxBytes: REGION_CACHE_BYTES });
    regionCaches.set(store, cache);
  }
  return cache;
}
const STANDARDS = ['wres', 'wdes'] as const;

async function fromStore(services: RegionsServices, year: number, signal?: AbortSignal): Promise<AreaOrganisation[]> {
  const out: AreaOrganisation[] = [];
  for (const { organisation: o, figures } of await currentFiguresOfYear(services.store, services.standards, year, POLICY, signal)) {
    if (figures) out.push({ code: o.code, name: o.name, synthetic: o.synthetic, region: o.region, type: o.type, figures });
  }
  return out;
}

async function fromPublished(services: RegionsServices, year: number, signal?: AbortSignal): Promise<AreaOrganisation[]> {
  const byCode = new Map((await services.store.organisations.all()).map((o) => [o.code, o]));
  const out: AreaOrganisation[] = [];
  for (const p of await everyLatestVersion(services)) {
    signal?.throwIfAborted();
    if (p.year !== year) continue;
    const o = byCode.get(p.report.organisation.code);
    const figures = p.report.standards.filter((s) => (STANDARDS as readonly string[]).includes(s.id)).flatMap((s) => s.figures ?? []);
    out.push({
      code: p.report.organisation.code, name: p.report.organisation.name, synthetic: p.report.organisation.synthetic,
      region: o?.region ?? null, type: o?.type ?? null, figures,
    });
  }
  return out;
}

/** Every year with figures from the source, newest first. */
export async function yearsOf(services: RegionsServices, source: Source): Promise<number[]> {
  const years = new Set<number>();
  if (source === 'published') {
    for (const p of await everyLatestVersion(services)) years.add(p.year);
  } else {
    for (const y of await services.store.regionFigures.years()) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

export interface AreaRequest {
  /** A region's address (regionSlug), or null for the nation. */
  readonly regionSlug: string | null;
  readonly type: string | null;
  /** The year asked for, or null for the latest. */
  readonly year: number | null;
}

export type AreaResult =
  | { readonly found: true; readonly view: AreaView; readonly organisations: readonly AreaOrganisation[] }
  | { readonly found: false };

/**
 * The organisations of the area in the year, with the choices of region, type and year. Not found when the source
 * has no such year, no organisation in such a region, or none of such a type there. With a signal, the work stops
 * (an AbortError) between organisations once it is aborted: when the client has gone, say.
 */
export async function areaOrganisations(services: RegionsServices, source: Source, request: AreaRequest, signal?: AbortSignal): Promise<AreaResult> {
  const years = await yearsOf(services, source);
  const year = request.year ?? years[0] ?? null;
  if (year === null || !years.includes(year)) return { found: false };
  const all = source === 'published' ? await fromPublished(services, year, signal) : await fromStore(services, year, signal);
  const regionNames = [...new Set(all.flatMap((o) => (o.region ? [o.region] : [])))].sort((a, b) => a.localeCompare(b));
  const regions = regionNames.map((name) => ({ name, slug: regionSlug(name), organisations: all.filter((o) => o.region === name).length }));
  let region: string | null = null;
  if (request.regionSlug !== null) {
    region = regions.find((r) => r.slug === request.regionSlug)?.name ?? null;
    if (region === null) return { found: false };
  }
  const inRegion = region === null ? all : all.filter((o) => o.region === region);
  const types = [...new Set(inRegion.flatMap((o) => (o.type ? [o.type] : [])))].sort((a, b) => a.localeCompare(b));
  if (request.type !== null && !types.includes(request.type)) return { found: false };
  const organisations = request.type === null ? inRegion : inRegion.filter((o) => o.type === request.type);
  organisations.sort((a, b) => a.name.localeCompare(b.name));
  return {
    found: true,
    organisations,
    view: {
      year, years, region, type: request.type, regions, types, organisations: organisations.length,
      synthetic: organisations.length > 0 && organisations.every((o) => o.synthetic),
    },
  };
}

/**
 * Every indicator across the area's organisations, kept in the view's cache under a hash of exactly what
 * it is worked out from (each organisation's code, name and figures), so the same organisations with the same
 * figures are rolled up once, whichever source or area they came from.
 */
export async function areaRollups(services: Pick<RegionsServices, 'store'>, organisations: readonly AreaOrganisation[]): Promise<readonly IndicatorRollup[]> {
  const digest = createHash('sha256').update(JSON.stringify(organisations.map((o) => [o.code, o.name, o.synthetic, o.figures]))).digest('base64url');
  return regionCache(services.store).get(JSON.stringify(['region-rollups', digest, POLICY]), async () => rollup(ROLLUP_INDICATORS, organisations, POLICY));
}

/** One indicator across the area's organisations (from the area's rollups when they are cached). */
export async function areaRollup(services: Pick<RegionsServices, 'store'>, indicator: RollupIndicator, organisations: readonly AreaOrganisation[]): Promise<IndicatorRollup> {
  const all = await areaRollups(services, organisations);
  return all.find((r) => r.indicator === indicator) ?? rollupIndicator(indicator, organisations, POLICY);
}
