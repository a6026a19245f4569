/**
 * Charts drawn off the event loop (off-thread.ts): within a page being built, each chart is a placeholder until the
 * page is rendered, then drawn (on real chart threads here) and put in its place, so the page is byte for byte the
 * page drawn in place; outside a page, charts are drawn where asked; a chart the page does not print is not drawn;
 * one printed escaped is refused; a request whose client has gone stops its drawing.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { ChartTask } from './chart-worker.ts';
import { drawChart } from './drawings.ts';
import { forestPlot, funnelChart, rateComparison, representationByBand, trendChart } from './index.ts';
import { CHARTS_ON_THIS_THREAD, chartThreads, type ChartDrawer, withChartsApart } from './off-thread.ts';
import type { FunnelChartCurvePoint } from './funnel-chart.ts';

const curve: FunnelChartCurvePoint[] = [100, 200, 400, 800].map((x) => {
  const s = Math.sqrt(0.25 * 0.75 / x);
  return { x, limits95: [0.25 - 1.96 * s, 0.25 + 1.96 * s], limits998: [0.25 - 3.09 * s, 0.25 + 3.09 * s] };
});

/** A page printing one of each chart, with values a copy to another thread must keep (NaN, infinities, nulls). */
function page(): string {
  const charts = [
    funnelChart(
      [{ label: 'Synthetic Trust A', x: 150, value: 0.26, highlighted: true }, { label: 'B', x: 300, value: 0.24 }, { label: 'E', x: null, value: null }],
      { id: 'f', title: 'Funnel', unit: 'rate', target: 0.25, targetLabel: 'Peer figure', curve, xLabel: 'Respondents', yLabel: 'Share' },
    ),
    rateComparison([{ label: 'White applicants', value: 0.301, ci95: [0.257, 0.348] }, { label: 'Ethnic minority applicants', value: 0.198, ci95: [0.15, 0.256] }], { id: 'r', title: 'Rates', unit: 'rate' }),
    representationByBand([{ group: 'Clinical', label: 'Band 5', count: 410, total: 890 }, { group: 'Clinical', label: 'Band 9', count: 0, total: 0 }], { id: 'b', title: 'Bands', workforce: { count: 410, total: 890 } }),
    forestPlot([{ label: 'Not finite', value: Number.NaN, ci95: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] }, { label: 'Ratio', value: 1.52, ci95: [1.4, 1.65] }], { id: 'p', title: 'Forest' }),
    trendChart([{ year: 2024, value: 1.12, ci95: [0.91, 1.38] }, { year: 2025, value: null, ci95: null }], { id: 't', title: 'Trend', yLabel: 'Ratio', unit: 'ratio', referenceLine: 1 }),
  ];
  return `<main>${charts.map((svg) => `<figure>${svg}</figure>`).join('\n')}</main>`;
}

/** Counts what it is asked to draw, drawing on this thread. */
function counting(): ChartDrawer & { readonly drawn: ChartTask[] } {
  const drawn: ChartTask[] = [];
  return { drawn, draw: async (task) => { drawn.push(task); return drawChart(task.name, task.args); }, close: async () => undefined };
}

describe('charts drawn once the page is rendered', () => {
  const threads = chartThreads(1);
  after(() => threads.close());
  const inPlace = page();

  test('outside a page being built, a chart is drawn where it is asked for', () => {
    assert.equal((inPlace.match(/<svg/g) ?? []).length, 5);
    assert.doesNotMatch(inPlace, /<!--mirror-chart-/);
  });

  test('on a chart thread, the page is byte for byte the page drawn in place', async () => {
    assert.equal(await withChartsApart(threads, undefined, async () => page()), inPlace);
    assert.equal(threads.drawnOnThreads(), 5, 'all five were drawn on the chart thread, none in its stead here');
  });

  test('on this thread, the same; while the page is built each chart is only a placeholder', async () => {
    const drawer = counting();
    let built = '';
    const whole = await withChartsApart(drawer, undefined, async () => {
      built = page();
      return built;
    });
    assert.equal(whole, inPlace);
    assert.doesNotMatch(built, /<svg/, 'nothing was drawn while the page was built');
    assert.deepEqual(drawer.drawn.map((t) => t.name), ['funnel', 'rates', 'representation', 'forest', 'trend']);
  });

  test('a chart the page does not print is not drawn', async () => {
    const drawer = counting();
    const whole = await withChartsApart(drawer, undefined, async () => {
      rateComparison([], { id: 'unused', title: 'Not shown', unit: 'pct' });
      return `<p>${trendChart([], { id: 't', title: 'Shown', yLabel: 'Ratio', unit: 'ratio' })}</p>`;
    });
    assert.deepEqual(drawer.drawn.map((t) => t.name), ['trend']);
    assert.equal(whole, `<p>${trendChart([], { id: 't', title: 'Shown', yLabel: 'Ratio', unit: 'ratio' })}</p>`);
  });

  test('a chart printed escaped (without | safe) is refused, not shown as its placeholder', async () => {
    await assert.rejects(
      withChartsApart(CHARTS_ON_THIS_THREAD, undefined, async () => trendChart([], { id: 't', title: 'T', yLabel: 'R', unit: 'ratio' }).replaceAll('<', '&lt;')),
      /printed without \| safe/,
    );
  });

  test('a chart whose arguments hold a function is drawn where it is asked for', async () => {
    const drawer = counting();
    const withFunction = { id: 'fn', title: 'T', yLabel: 'R', unit: 'ratio' as const, formatYear: (y: number) => String(y) };
    const whole = await withChartsApart(drawer, undefined, async () => trendChart([], withFunction));
    assert.equal(drawer.drawn.length, 0);
    assert.match(whole, /^<svg/);
  });

  test("a page whose client has gone stops drawing: the chart threads' work is abandoned", async () => {
    const gone = new AbortController();
    gone.abort();
    await assert.rejects(withChartsApart(threads, gone.signal, async () => page()), { name: 'AbortError' });
  });
});
