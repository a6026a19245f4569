/**
 * The layers of docs/architecture.md as rules over import edges:
 *   core <- ingest / store / demo <- services <- features/*\/service.ts <- features/*\/routes.ts + web <- cli
 * Rules apply to the application's own files; tests (`*.test.ts`) may reach across layers to set things up.
 */
import type { ImportEdge, Violation } from './import-graph.ts';

export type Layer = 'core' | 'ingest' | 'store' | 'demo' | 'services' | 'feature' | 'route' | 'web' | 'cli';

const BOTTOM_LAYERS = ['ingest', 'store', 'demo'] as const;

/** The layer of a repository-relative file, or null for packages and files outside src/. */
export function layerOf(file: string): Layer | null {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return null;
  const top = parts[1]!;
  if (top === 'core' || top === 'ingest' || top === 'store' || top === 'demo' || top === 'services' || top === 'cli') return top;
  if (top === 'features') return parts.length === 4 && parts[3] === 'routes.ts' ? 'route' : 'feature';
  if (top === 'web') return parts[2] === 'routes' && parts.length === 4 ? 'route' : 'web';
  return null;
}

export function isTestFile(file: string): boolean {
  return /\.test\.[cm]?[jt]s$/.test(file);
}

/** What the command line may use of the web: starting the application and reading its configuration. */
export const CLI_MAY_USE_FROM_WEB = ['src/web/server.ts', 'src/web/config.ts'];

export const RULES = {
  core: 'core imports nothing outside core',
  bottom: 'ingest, store and demo import only core and themselves',
  services: 'services import only core, ingest, store, demo and services',
  servicesNoWeb: 'services never import web or features',
  feature: "a feature's service (and its other non-route files) imports only services, core, ingest, store, demo and features, never web, cli or routes",
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
    case 'feature':
      return to === 'web' || to === 'route' || to === 'cli' ? RULES.feature : null;
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
