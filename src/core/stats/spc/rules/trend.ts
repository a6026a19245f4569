import { all, eq, sign, type MaybeNumber, type Tri } from '../missing-logic.ts';

/**
 * Trend rule: marks the points that end a run of `length` values each strictly higher (1) or each strictly lower
 * (−1) than the one before; 0 otherwise. Equal neighbours break a trend. Nothing is marked in the first
 * `length − 1` points, or in a phase shorter than `length` (`ptd_seven_point_trend`).
 *
 * `end_i = 1` if `sign(x_k − x_{k−1}) = 1` for all k in i − length + 2 … i; −1 if all are −1; else 0.
 *
 * A window whose steps are all in one direction apart from unknown steps (next to a missing value) cannot be decided:
 * it is marked null. NHSRplotthedots 0.2.2 stops with an error ("missing value where TRUE/FALSE needed") there;
 * `spc` treats it as no trend and says so in a warning.
 *
 * Worked example (length 7): `trendEnds([1, 2, 3, 4, 5, 6, 7])` → `[0, 0, 0, 0, 0, 0, 1]`;
 * `trendEnds([2, 1, 2, 3, 4, 5, 6, 7, 3])` → `[0, 0, 0, 0, 0, 0, 0, 1, 0]`; `[1, 2, 3, 3, 4, 5, 6]` → all 0.
 */
export function trendEnds(values: readonly (number | null)[], length: number): MaybeNumber[] {
  const marks: MaybeNumber[] = values.map(() => 0);
  if (values.length < length) return marks;
  for (let i = length - 1; i < values.length; i += 1) {
    const steps: MaybeNumber[] = [];
    for (let k = i - length + 2; k <= i; k += 1) {
      const here = values[k] ?? null;
      const before = values[k - 1] ?? null;
      steps.push(here === null || before === null ? null : sign(here - before));
    }
    const rising: Tri = all(steps.map((s) => eq(s, 1)));
    if (rising === null) {
      marks[i] = null;
      continue;
    }
    if (rising) {
      marks[i] = 1;
      continue;
    }
    const falling: Tri = all(steps.map((s) => eq(s, -1)));
    marks[i] = falling === null ? null : falling ? -1 : 0;
  }
  return marks;
}
