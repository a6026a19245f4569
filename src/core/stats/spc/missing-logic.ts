/**
 * Three-valued logic, as R evaluates comparisons involving a missing value (NA) or NaN. NHSRplotthedots computes
 * its rules with R vectors in which missing values propagate, so the port keeps the same logic to reach the same
 * answers: `true`, `false`, or `null` (R's NA: "unknown").
 *
 * Worked example: `and(null, false)` is false (false whatever the unknown is), `and(null, true)` is null;
 * `all([true, null])` is null, `all([false, null])` is false; `any([null, true])` is true.
 */

/** true, false, or null for R's NA. */
export type Tri = boolean | null;

/** A number, or null for R's NA. NaN is read as NA too (R's comparisons treat them alike). */
export type MaybeNumber = number | null;

function known(x: MaybeNumber): x is number {
  return x !== null && !Number.isNaN(x);
}

/** `a > b`, NA if either is NA or NaN. */
export function gt(a: MaybeNumber, b: MaybeNumber): Tri {
  return known(a) && known(b) ? a > b : null;
}

/** `a < b`, NA if either is NA or NaN. */
export function lt(a: MaybeNumber, b: MaybeNumber): Tri {
  return known(a) && known(b) ? a < b : null;
}

/** `a >= b`, NA if either is NA or NaN. */
export function ge(a: MaybeNumber, b: MaybeNumber): Tri {
  return known(a) && known(b) ? a >= b : null;
}

/** `a == b`, NA if either is NA or NaN. */
export function eq(a: MaybeNumber, b: MaybeNumber): Tri {
  return known(a) && known(b) ? a === b : null;
}

/** `!a`. */
export function not(a: Tri): Tri {
  return a === null ? null : !a;
}

/** `a & b` (and `a && b`, which gives the same for single values). */
export function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

/** `a | b` (and `a || b`). */
export function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

/** R's `all()`: false if any is false, otherwise NA if any is NA, otherwise true (true for none). */
export function all(values: readonly Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

/** R's `any()`: true if any is true, otherwise NA if any is NA, otherwise false (false for none). */
export function any(values: readonly Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}

/** `sign(x)`: −1, 0 or 1, NA for NA or NaN. */
export function sign(x: MaybeNumber): MaybeNumber {
  return known(x) ? Math.sign(x) + 0 : null;
}

/** `sum(values)` without `na.rm`: NA if any value is NA. */
export function sum(values: readonly MaybeNumber[]): MaybeNumber {
  let total = 0;
  for (const v of values) {
    if (!known(v)) return null;
    total += v;
  }
  return total;
}

/** A logical as a number, as R's `as.numeric(TRUE)` is 1: true → 1, false → 0, NA → NA. */
export function asNumber(x: Tri): MaybeNumber {
  return x === null ? null : x ? 1 : 0;
}
