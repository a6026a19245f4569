/**
 * Two small pieces of R's arithmetic that FunnelPlotR's results depend on, reproduced so Mirror's figures match the
 * package to the last digit that matters: `round(x, digits)` (R ≥ 4.0.0) and `quantile(x, p)` (type 7, the default).
 */

/**
 * R's round(x, d) for d ≥ 1, as R 4 computes it: of the two decimal candidates either side of x,
 * ⌊x·10ᵈ⌋/10ᵈ and ⌈x·10ᵈ⌉/10ᵈ, take the one nearer to x as a double; when both are equally near, take the one whose
 * last digit is even. This is not "round half up": a decimal such as 2.675 is stored as 2.67499999…, so it becomes
 * 2.67, and an exact tie such as 0.125 becomes 0.12.
 *
 * Worked example: roundDecimals(12.3456, 2) = 12.35, roundDecimals(2.675, 2) = 2.67, roundDecimals(0.125, 2) = 0.12,
 * roundDecimals(0.375, 2) = 0.38.
 */
export function roundDecimals(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  // Beyond 15 significant digits R returns x unchanged.
  if (digits + (Math.floor(Math.log2(ax)) + 0.5) * Math.LOG10E * Math.LN2 > 15) return x;
  const pow10 = 10 ** digits;
  const x10 = pow10 * ax;
  const i10 = Math.floor(x10);
  const down = i10 / pow10;
  const up = Math.ceil(x10) / pow10;
  const du = up - ax;
  const dd = ax - down;
  return sign * (du < dd || (du === dd && i10 % 2 === 1) ? up : down);
}

/**
 * R's default sample quantile (type 7): with the values sorted, h = 1 + (n − 1)·p, the value at ⌊h⌋ plus the fraction
 * h − ⌊h⌋ of the way to the next, computed as (1 − f)·x₍ₗₒ₎ + f·x₍ₕᵢ₎ exactly as R does. NaN values are dropped
 * first (R's na.rm = TRUE); ±∞ take part as in R.
 *
 * Worked example: of 1, 2, 3, 4, 10 the 10% quantile is 1.4 and the 90% quantile 7.6.
 */
export function quantileType7(values: readonly number[], p: number): number {
  const x = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = x.length;
  if (n === 0) return Number.NaN;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = x[lo - 1] ?? Number.NaN;
  const high = x[hi - 1] ?? Number.NaN;
  if (index > lo && high !== low) {
    const f = index - lo;
    return (1 - f) * low + f * high;
  }
  return low;
}

/**
 * A sum with Neumaier's compensation. R adds doubles in an 80-bit accumulator, so its sums are usually the correctly
 * rounded result; a compensated sum is too, where a plain running sum can be a few units in the last place away.
 */
export function sum(values: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    const next = total + v;
    if (Math.abs(total) >= Math.abs(v)) compensation += total - next + v;
    else compensation += v - next + total;
    total = next;
  }
  const result = total + compensation;
  // Infinities and NaN make the compensation NaN; the plain total is then the answer R gives.
  return Number.isFinite(result) ? result : total;
}

/**
 * R's rank(x, ties.method = "average"): 1 for the smallest value, tied values share the mean of their ranks, and NaN
 * values take the ranks after all the others, in the order they appear (R's na.last = TRUE).
 *
 * Worked example: ranks of 3, 1, 3, 2 are 3.5, 1, 3.5, 2.
 */
export function rankAverage(values: readonly number[]): number[] {
  const order = values
    .map((value, index) => ({ value, index }))
    .filter((e) => !Number.isNaN(e.value))
    .sort((a, b) => a.value - b.value || a.index - b.index);
  const ranks = new Array<number>(values.length).fill(Number.NaN);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    const shared = (start + 1 + end + 1) / 2;
    for (let k = start; k <= end; k += 1) ranks[order[k]?.index ?? 0] = shared;
    start = end + 1;
  }
  let next = order.length;
  values.forEach((value, index) => {
    if (Number.isNaN(value)) ranks[index] = (next += 1);
  });
  return ranks;
}
