/**
 * The layers of docs/architecture.md as rules over import edges:
 *   core <- ingest / store / demo <- services <- features/*\/service.ts <- a feature's presenters and forms + web
 *   <- features/*\/routes.ts <- web/app.ts <- cli
 * Rules apply to the application's own files; tests (`*.test.ts`) may reach across layers to set things up.
 */
import type { ImportEdge, Violation } from './import-graph.ts';

export type Layer = 'core' | 'ingest' | 'store' | 'demo' | 'services' | 'featureService' | 'feature' | 'route' | 'web' | 'cli';

const BOTTOM_LAYERS = ['ingest', 'store', 'demo'] as const;

/** The layer of a repository-relative file, or null for packages and files outside src/. */
export function layerOf(file: string): Layer | null {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return null;
  const top = parts[1]!;
  if (top === 'core' || top === 'ingest' || top === 'store' || top === 'demo' || top === 'services' || top === 'cli') return top;
  if (top === 'features') {
    const name = parts[parts.length - 1]!;
    if (parts.length === 4 && name === 'routes.ts') return 'route';
    return name === 'service.ts' || name.endsWith('-service.ts') ? 'featureService' : 'feature';
  }
  if (top === 'web') return parts[2] === 'routes' && parts.length === 4 ? 'route' : 'web';
  return null;
}

export function isTestFile(file: string): boolean {
  return /\.test\.[cm]?[jt]s$/.test(file);
}

/** The web's files that put the application together: nothing below the routes may import them. */
export const WEB_ASSEMBLY = ['src/web/app.ts', 'src/web/composition-root.ts', 'src/web/server.ts'];

/** What the command line may use of the web: starting the application and reading its configuration. */
export const CLI_MAY_USE_FROM_WEB = ['src/web/server.ts', 'src/web/config.ts'];

export const RULES = {
  core: 'core imports nothing outside core',
  bottom: 'ingest, store and demo import only core and themselves',
  services: 'services import only core, ingest, store, demo and services',
  servicesNoWeb: 'services never import web or features',
  featureService: "a feature's service imports only services, core, ingest, store, demo, other features' services and its own feature's other files, never web, cli or routes",
  featureServiceReach: "nothing a feature's service imports, directly or through its own feature's files, is web, cli or a route",
  feature: "a feature's presenters and forms may use the web's shared parts (charts, presenters, forms) but never routes, cli or the web's assembly (app.ts, composition-root.ts, server.ts)",
  routeToRoute: 'a route never imports another route',
  routeStoreTypes: "a route imports only the store's types (import type)",
  routeNoCli: 'a route never imports cli',
  webNoCli: 'web never imports cli',
  cliWeb: 'cli uses only src/web/server.ts and src/web/config.ts of the web',
} as const;

/** The layer rule one import breaks, or null. */
export function layerRuleBroken(edge: ImportEdge): string | null {
  const from = layerOf(edge.from);
  const to = layerOf(edge.to);
  if (from === null || to === null || isTestFile(edge.from)) return null;
  switch (from) {
    case 'core':
      return to === 'core' ? null : RULES.core;
    case 'ingest':
    case 'store':
    case 'demo':
      return to === 'core' || to === from ? null : RULES.bottom;
    case 'services':
      if (to === 'web' || to === 'route' || to === 'feature') return RULES.servicesNoWeb;
      return to === 'core' || to === 'services' || (BOTTOM_LAYERS as readonly string[]).includes(to) ? null : RULES.services;
    case 'featureService':
      if (to === 'feature') return sameFeature(edge.from, edge.to) ? null : RULES.featureService;
      return to === 'web' || to === 'route' || to === 'cli' ? RULES.featureService : null;
    case 'feature':
      return to === 'route' || to === 'cli' || WEB_ASSEMBLY.includes(edge.to) ? RULES.feature : null;
    case 'route':
      if (to === 'route') return RULES.routeToRoute;
      if (to === 'cli') return RULES.routeNoCli;
      if (to === 'store' && !edge.typeOnly) return RULES.routeStoreTypes;
      return null;
    case 'web':
      return to === 'cli' ? RULES.webNoCli : null;
    case 'cli':
      if ((to === 'web' || to === 'route') && !CLI_MAY_USE_FROM_WEB.includes(edge.to)) return RULES.cliWeb;
      return null;
  }
}

function sameFeature(a: string, b: string): boolean {
  return a.split('/')[2] === b.split('/')[2];
}

/**
 * A feature's service may use its own feature's other files (a data module, the words of a form), so long as they
 * in turn reach no web, cli or route file: one violation per service, naming the first such chain found.
 */
export function featureServiceReachViolations(edges: readonly ImportEdge[]): Violation[] {
  const out = new Map<string, ImportEdge[]>();
  for (const edge of edges) {
    if (isTestFile(edge.from)) continue;
    out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  }
  const violations: Violation[] = [];
  const services = [...new Set(edges.map((e) => e.from))].filter((f) => layerOf(f) === 'featureService' && !isTestFile(f)).sort();
  for (const service of services) {
    const seen = new Set([service]);
    const queue: string[][] = [[service]];
    let found: string[] | null = null;
    while (queue.length > 0 && found === null) {
      const chain = queue.shift()!;
      for (const edge of out.get(chain[chain.length - 1]!) ?? []) {
        const layer = layerOf(edge.to);
        if (layer === 'web' || layer === 'route' || layer === 'cli') { found = [...chain, edge.to]; break; }
        if ((layer === 'feature' || layer === 'featureService') && !seen.has(edge.to)) {
          seen.add(edge.to);
          queue.push([...chain, edge.to]);
        }
      }
    }
    if (found) violations.push({ file: service, import: found.slice(1).join(' -> '), rule: RULES.featureServiceReach });
  }
  return violations;
}

/** Every import that breaks a layer rule, one per (file, import, rule). */
export function layerViolations(edges: readonly ImportEdge[]): Violation[] {
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const edge of edges) {
    const rule = layerRuleBroken(edge);
    if (rule === null) continue;
    const key = `${edge.from}\0${edge.to}\0${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ file: edge.from, import: edge.to, rule, line: edge.line });
  }
  return violations;
}

/** A violation as a message naming the file, the import and the rule. */
export function describe(violation: Violation): string {
  const where = violation.line === undefined ? violation.file : `${violation.file}:${violation.line}`;
  return violation.import === '' ? `${where}: ${violation.rule}` : `${where} imports ${violation.import}: ${violation.rule}`;
}

export interface KnownViolation {
  readonly file: string;
  readonly import: string;
  readonly rule: string;
}

/**
 * Violations measured against a list of known ones: those not on the list (new), and list entries that no
 * longer occur (stale: the list should shrink with them).
 */
export function compareWithKnown(found: readonly Violation[], known: readonly KnownViolation[]): { unexpected: Violation[]; stale: KnownViolation[] } {
  const key = (v: KnownViolation) => `${v.file}\0${v.import}\0${v.rule}`;
  const knownKeys = new Set(known.map(key));
  const foundKeys = new Set(found.map(key));
  return {
    unexpected: found.filter((v) => !knownKeys.has(key(v))),
    stale: known.filter((v) => !foundKeys.has(key(v))),
  };
}
