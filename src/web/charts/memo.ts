/**
 * Charts are pure functions from data to an SVG string, and drawing one (Observable Plot over a server-side DOM)
 * costs far more than the figures behind it. A chart asked for again with exactly the same arguments is given the
 * same string from a bounded in-process LRU (lru-cache): the key is the chart's name and the JSON of every argument,
 * so different figures, a different disclosure variant or a different title can never be given another's picture.
 * Arguments holding a function (such as a date formatter) cannot be written as a key and are always drawn afresh.
 * Bounded at CHART_CACHE_MAX_ENTRIES pictures and about CHART_CACHE_MAX_BYTES of SVG (two bytes a character).
 */
import { LRUCache } from 'lru-cache';

export const CHART_CACHE_MAX_ENTRIES = 2_000;
export const CHART_CACHE_MAX_BYTES = 32 * 2 ** 20;

const pictures = new LRUCache<string, string>({
  max: CHART_CACHE_MAX_ENTRIES,
  maxSize: CHART_CACHE_MAX_BYTES,
  sizeCalculation: (svg, key) => 2 * (svg.length + key.length),
});

/** The chart's arguments as a key, or null when one of them holds a function. */
function keyOf(name: string, args: readonly unknown[]): string | null {
  let writable = true;
  const json = JSON.stringify(args, (_key, value: unknown) => {
    if (typeof value === 'function') writable = false;
    return value;
  });
  return writable ? `${name}:${json}` : null;
}

/** `draw`, remembering each picture it drew for the same arguments. */
export function memoisedChart<A extends unknown[]>(name: string, draw: (...args: A) => string): (...args: A) => string {
  return (...args: A) => {
    const key = keyOf(name, args);
    if (key === null) return draw(...args);
    const kept = pictures.get(key);
    if (kept !== undefined) return kept;
    const svg = draw(...args);
    pictures.set(key, svg);
    return svg;
  };
}

/** Forgets every remembered picture (for the benchmark's first visits). */
export function forgetCharts(): void {
  pictures.clear();
}
