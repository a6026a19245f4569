/**
 * Server-side rendering with Nunjucks and the NHS design system's own templates. Autoescaping is on, so every value
 * is escaped unless a template marks trusted HTML (our SVG charts) as safe.
 */
import nunjucks from 'nunjucks';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** node_modules/nhsuk-frontend/dist: the search path the design system's templates expect. */
export const NHSUK_DIST = join(dirname(require.resolve('nhsuk-frontend/package.json')), 'dist');

/** Feature slices' templates are named from this folder: "standards/views/standard-report.njk". */
const FEATURES = join(here, '..', 'features');

export type Renderer = (template: string, context: Record<string, unknown>) => string;

export function createRenderer(options: { watch?: boolean } = {}): Renderer {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([join(here, 'views'), FEATURES, NHSUK_DIST], { watch: options.watch ?? false, noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addFilter('count', (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-GB') : '–'));
  env.addFilter('pct', (n: unknown, digits = 1) => (typeof n === 'number' ? `${n.toFixed(digits)}%` : '–'));
  env.addFilter('rateAsPct', (n: unknown) => (typeof n === 'number' ? `${(n * 100).toFixed(1)}%` : '–'));
  env.addFilter('ratio', (n: unknown) => (typeof n === 'number' ? n.toFixed(2) : '–'));
  env.addFilter('points', (n: unknown) => {
    if (typeof n !== 'number') return '–';
    const sign = n > 0 ? '+' : n < 0 ? '−' : '';
    return `${sign}${Math.abs(n).toFixed(1)} points`;
  });
  env.addFilter('interval', (ci: unknown, unit: 'ratio' | 'rate' | 'pct' = 'ratio') => {
    if (!Array.isArray(ci) || ci.length !== 2) return '–';
    const [lo, hi] = ci as [number, number];
    const f = (n: number) => (unit === 'rate' ? `${(n * 100).toFixed(1)}%` : unit === 'pct' ? `${n.toFixed(1)}%` : n.toFixed(2));
    return `${f(lo)} to ${f(hi)}`;
  });
  env.addFilter('longDate', (iso: unknown) =>
    typeof iso === 'string'
      ? new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      : '–');
  return (template, context) => env.render(template, context);
}
