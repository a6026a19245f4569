import { and, asNumber, eq, ge, or, sum, type MaybeNumber, type Tri } from '../missing-logic.ts';

/**
 * Near-limit rule ("2 in 3"): marks each point that lies in some window of `window` consecutive points (wholly
 * inside the phase) in which at least `count` points are close to the limits (beyond 2 sigma but inside the
 * process limits: a point outside the limits does not count here) and every point is on the same side of the mean
 * (`ptd_two_in_three`, fixed in 0.2.x so that points on opposite sides never fire, issue #143).
 *
 * `flag_i = ∃ window W ∋ i: Σ_{j∈W} close_j ≥ count and |Σ_{j∈W} r_j| = window`.
 *
 * Worked example (window 3, count 2): close `[0, 0, 1, 0, 1, 0, 0]`, all above the mean → `[0, 0, 1, 1, 1, 0, 0]`;
 * the same with sides alternating `[1, −1, 1, −1, 1, −1, 1]` → all 0.
 */
export function twoInThree(
  closeToLimits: readonly Tri[],
  relativeToMean: readonly MaybeNumber[],
  window: number,
  count: number,
): Tri[] {
  // The package pads each end of the phase with `window − 1` points that are neither close nor on a side of the mean,
  // so a window reaching past either end can never fire (though missing values can still make it unknown).
  const pad = window - 1;
  const close: MaybeNumber[] = [...Array<number>(pad).fill(0), ...closeToLimits.map(asNumber), ...Array<number>(pad).fill(0)];
  const sides: MaybeNumber[] = [...Array<number>(pad).fill(0), ...relativeToMean, ...Array<number>(pad).fill(0)];
  return closeToLimits.map((_, i) => {
    let flag: Tri = false;
    // Windows in padded positions: the one ending at the point, …, the one starting at it.
    for (let start = i; start <= i + pad; start += 1) {
      const sideTotal = sum(sides.slice(start, start + window));
      const windowFlag = and(ge(sum(close.slice(start, start + window)), count), eq(sideTotal === null ? null : Math.abs(sideTotal), window));
      flag = or(flag, windowFlag);
    }
    return flag;
  });
}

/**
 * Of the points in a qualifying window, only those that are themselves close to the limits are special cause
 * (`ptd_part_of_two_in_three`): the third point of a "2 in 3" is not highlighted.
 *
 * `part_i = flag_i and close_i`.
 *
 * Worked example: flags `[0, 0, 1, 1, 1, 0, 0]`, close `[0, 0, 1, 0, 1, 0, 0]` → `[0, 0, 1, 0, 1, 0, 0]`.
 */
export function partOfTwoInThree(flags: readonly Tri[], closeToLimits: readonly Tri[]): Tri[] {
  return flags.map((flag, i) => and(eq(asNumber(flag), 1), eq(asNumber(closeToLimits[i] ?? null), 1)));
}
