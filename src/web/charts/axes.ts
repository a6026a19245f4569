/** Axis domains and ticks chosen from the data, shared by the charts. */

/** Symmetric log domains for relative likelihoods, and their ticks; the widest is used for anything beyond. */
const RATIO_AXES: readonly { readonly limit: number; readonly ticks: readonly number[] }[] = [
  { limit: 1.5, ticks: [2 / 3, 0.8, 1, 1.25, 1.5] },
  { limit: 2, ticks: [0.5, 0.8, 1, 1.25, 2] },
  { limit: 4, ticks: [0.25, 0.5, 1, 2, 4] },
  { limit: 10, ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10] },
];

/** Values closer than this factor to the edge of a ratio axis are given the next wider axis. */
const EDGE_ROOM = 1.06;

export interface RatioAxis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

/**
 * The narrowest symmetric log axis around 1 (1/k to k) that holds every finite positive value with a little room;
 * zeros, values beyond 10 and non-finite values get the widest axis and are drawn clipped.
 */
export function ratioAxis(values: readonly number[]): RatioAxis {
  let extent = 1;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    extent = Math.max(extent, v <= 0 ? Infinity : Math.max(v, 1 / v));
  }
  const axis = RATIO_AXES.find((a) => extent * EDGE_ROOM <= a.limit) ?? RATIO_AXES[RATIO_AXES.length - 1]!;
  return { domain: [1 / axis.limit, axis.limit], ticks: axis.ticks };
}

export interface LinearAxis {
  readonly max: number;
  readonly ticks: readonly number[];
}

/** 0 to a round maximum at or above `max`, with about `count` ticks at 1, 2, 2.5 or 5 times a power of ten. */
export function linearAxis(max: number, count = 5, cap?: number): LinearAxis {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  let niceMax = Math.ceil(top / step - 1e-9) * step;
  if (cap !== undefined && niceMax > cap && top <= cap) niceMax = cap;
  const ticks: number[] = [];
  for (let i = 0; i * step <= niceMax + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { max: niceMax, ticks };
}

export interface LinearSpan {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/** A round span including zero that holds lo to hi (which may be negative), with about `count` ticks. */
export function linearSpan(lo: number, hi: number, count = 5): LinearSpan {
  const low = Math.min(0, Number.isFinite(lo) ? lo : 0);
  const high = Math.max(0, Number.isFinite(hi) ? hi : 0);
  const extent = high - low > 0 ? high - low : 1;
  const raw = extent / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const min = Math.floor(low / step + 1e-9) * step;
  const max = high - low > 0 ? Math.ceil(high / step - 1e-9) * step : step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)) || 0);
  return { min: Number(min.toPrecision(12)) || 0, max: Number(max.toPrecision(12)), ticks };
}
