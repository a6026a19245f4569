/**
 * Charts drawn off the event loop (issue 15, "other routes unaffected"). Drawing a chart (Observable Plot over a
 * server-side DOM) is most of the work of an analyst's page, which is built afresh for every request and never kept:
 * the five funnels of the comparisons took about two thirds of its time in a profile. Drawn on the one thread that
 * serves every route, that work holds up every other request for as long as it lasts.
 *
 * So while a page of an organisation's year is built and rendered (sendYearPage, private-revalidation.ts), the charts
 * named in drawings.ts are not drawn where the builder asks for them: each call gives a placeholder (an HTML comment
 * with random letters per process, so no page can contain one by chance) and notes the chart and its arguments. Once
 * the page is rendered, the charts are drawn together on the chart threads (piscina, ADR 0012) while the event loop
 * serves other requests, and each placeholder is replaced by its picture: the same function draws the same picture
 * on either thread, so the page is byte for byte what it would have been. Templates print charts with `| safe`, so a
 * placeholder reaches the page as it was given; one printed any other way is found and refused (a fault, naming it).
 *
 * Outside such a page (the published reports, the CLI), or for a chart whose arguments hold a function (which cannot
 * be sent to another thread), the chart is drawn where it is asked for, as before. With no chart threads
 * (MIRROR_CHART_THREADS=0) the charts are drawn on the event loop after the page is rendered, by the same path.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ChartTask } from './chart-worker.ts';
import { type ChartName, type DRAWINGS, drawChart } from './drawings.ts';

/** Where the charts of a page are drawn once it is rendered. */
export interface ChartDrawer {
  draw(task: ChartTask, signal?: AbortSignal): Promise<string>;
  close(): Promise<void>;
}

/** Draws on the event loop itself (no chart threads). */
export const CHARTS_ON_THIS_THREAD: ChartDrawer = {
  draw: async (task) => drawChart(task.name, task.args),
  close: async () => undefined,
};

/** Chart threads when MIRROR_CHART_THREADS is not set: one fewer than the cores, at least one and at most four. */
export function defaultChartThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * A pool of `threads` chart threads: one started at once and kept (starting a thread and loading the chart code takes
 * about 0.3 s, which a trust's analyst, visiting a page every few minutes, would otherwise wait for on most visits),
 * the others started when needed and stopped after a minute idle. A chart a thread cannot draw because the thread
 * itself failed (not the chart's own fault) is drawn on the event loop instead.
 */
export function chartThreads(threads: number): ChartDrawer & { readonly drawnOnThreads: () => number } {
  const pool = new Piscina<ChartTask, string>({
    filename: new URL('./chart-worker-entry.mjs', import.meta.url).href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: [],
  });
  return {
    draw: async (task, signal) => {
      try {
        return await pool.run(task, signal ? { signal } : {});
      } catch (error) {
        if (signal?.aborted) throw error;
        // The same call on this thread either draws the chart or throws the chart's own error, as it would have.
        return drawChart(task.name, task.args);
      }
    },
    close: () => pool.destroy(),
    drawnOnThreads: () => pool.completed,
  };
}

interface Batch {
  readonly tasks: ChartTask[];
}

const batches = new AsyncLocalStorage<Batch>();
const STAMP = randomBytes(9).toString('hex');
const SLOT = new RegExp(`<!--mirror-chart-${STAMP}-(\\d+)-->`, 'g');

/**
 * The chart `name`, drawn where it is asked for, or, within a page being built by `withChartsApart`, a placeholder
 * for it, drawn once the page is rendered.
 */
export function drawnApart<N extends ChartName>(name: N): (typeof DRAWINGS)[N] {
  const draw = (...args: readonly unknown[]): string => {
    const batch = batches.getStore();
    if (batch === undefined || holdsFunction(args)) return drawChart(name, args);
    batch.tasks.push({ name, args });
    return `<!--mirror-chart-${STAMP}-${batch.tasks.length - 1}-->`;
  };
  return draw as (typeof DRAWINGS)[N];
}

/**
 * Renders a page with its charts drawn by `drawer` once the rest is rendered, and returns the whole page. `signal`
 * stops the drawing when the request's client has gone.
 */
export async function withChartsApart(drawer: ChartDrawer, signal: AbortSignal | undefined, render: () => Promise<string>): Promise<string> {
  const batch: Batch = { tasks: [] };
  const page = await batches.run(batch, render);
  if (batch.tasks.length === 0) return page;
  // Only the charts the page prints are drawn (a builder may make one its template leaves out).
  const printed = [...new Set(Array.from(page.matchAll(SLOT), (slot) => Number(slot[1])))];
  const pictures = new Map(await Promise.all(printed.map(async (at) => [at, await drawer.draw(batch.tasks[at]!, signal)] as const)));
  const whole = page.replace(SLOT, (_slot, at: string) => pictures.get(Number(at))!);
  if (whole.includes(STAMP)) throw new Error('a chart was printed without | safe (so escaped), or changed before printing; print charts as they are given');
  return whole;
}

function holdsFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(holdsFunction);
}
