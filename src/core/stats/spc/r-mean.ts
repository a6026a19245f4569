/**
 * The mean of the values that are present, computed as R computes `mean(x, na.rm = TRUE)`, to the last bit.
 *
 * R (src/main/summary.c) sums in C's `long double`, which on x86-64 (Linux, Windows, Intel Macs) is the x87
 * 80-bit format with a 64-bit significand. It divides by n, then adds a correction: the mean of the residuals
 * `x − s`, also in `long double`. Finally it rounds to a double:
 *
 *   s = Σ xᵢ;  s = s / n;  t = Σ (xᵢ − s);  s = s + t / n;  mean = (double) s
 *
 * Each `long double` operation is rounded to 64 significant bits, ties to even. This function emulates those
 * roundings exactly with BigInt arithmetic. The result is nearly always the exact mean correctly rounded, which is
 * not what adding doubles one by one gives. That difference matters for the SPC rules, which ask whether a point is
 * exactly on the mean.
 *
 * Worked example:
 * - `rMean([0.1, 0.2, 0.3])` is exactly 0.2, as in R; `(0.1 + 0.2 + 0.3) / 3` is 0.20000000000000004.
 * - `rMean([1, 2, null, 4])` is 7/3 = 2.3333333333333335.
 * - `rMean([-0.2, 0.3, -0.1])` is −9.254117293068983e-18, as R gives. The exact mean is −9.25185853854297e-18: in
 *   such cancellations the correction pass's own rounding shows.
 * - `rMean([])` and `rMean([null])` are NaN, as R's `mean(numeric(0))` is.
 */
export function rMean(values: readonly (number | null)[]): number {
  const present: number[] = [];
  for (const value of values) {
    if (value === null || Number.isNaN(value)) continue;
    if (!Number.isFinite(value)) throw new RangeError(`rMean takes finite values, not ${value}`);
    present.push(value);
  }
  if (present.length === 0) return Number.NaN;
  const n = BigInt(present.length);
  const xs = present.map(fromDouble);
  let s = ZERO;
  for (const x of xs) s = extendedSum(s, x);
  s = extendedDivide(s, n);
  let t = ZERO;
  for (const x of xs) t = extendedSum(t, extendedSum(x, negate(s)));
  s = extendedSum(s, extendedDivide(t, n));
  return toDouble(s);
}

/** A binary floating-point value `m × 2^e` (m a signed BigInt), exactly. */
interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

const ZERO: Dyadic = { m: 0n, e: 0 };
/** Significant bits of the x87 extended format, and of a double. */
const EXTENDED_BITS = 64;
const DOUBLE_BITS = 53;
/** The exponent of a double's least significant bit can go no lower (subnormals). */
const DOUBLE_MIN_EXPONENT = -1074;

const float = new Float64Array(1);
const words = new BigUint64Array(float.buffer);

function fromDouble(value: number): Dyadic {
  float[0] = value;
  const word = words[0] ?? 0n;
  const exponentField = Number((word >> 52n) & 0x7ffn);
  const fraction = word & 0xfffffffffffffn;
  const mantissa = exponentField === 0 ? fraction : fraction | (1n << 52n);
  const e = exponentField === 0 ? DOUBLE_MIN_EXPONENT : exponentField - 1075;
  return { m: word >> 63n === 1n ? -mantissa : mantissa, e };
}

function negate(x: Dyadic): Dyadic {
  return { m: -x.m, e: x.e };
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * (p / q) × 2^scale rounded to `bits` significant bits, ties to even, with the result's least significant bit no
 * lower than 2^minExponent. q > 0.
 */
function roundRational(p: bigint, q: bigint, scale: number, bits: number, minExponent: number): Dyadic {
  if (p === 0n) return ZERO;
  const negative = p < 0n;
  const num = negative ? -p : p;
  // The result is m × 2^e with 2^(bits−1) ≤ m < 2^bits (e relative to scale until the end).
  let e = bitLength(num) - bitLength(q) - bits;
  const divide = (exp: number): [bigint, bigint, bigint] => {
    const n = exp >= 0 ? num : num << BigInt(-exp);
    const d = exp >= 0 ? q << BigInt(exp) : q;
    return [n / d, n % d, d];
  };
  let [m, r, d] = divide(e);
  if (m >= 1n << BigInt(bits)) {
    e += 1;
    [m, r, d] = divide(e);
  }
  if (e + scale < minExponent) {
    e = minExponent - scale;
    [m, r, d] = divide(e);
  }
  const twice = 2n * r;
  if (twice > d || (twice === d && (m & 1n) === 1n)) m += 1n;
  return { m: negative ? -m : m, e: e + scale };
}

/** a + b, rounded to the extended format. */
function extendedSum(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return roundRational(b.m, 1n, b.e, EXTENDED_BITS, -Infinity);
  if (b.m === 0n) return roundRational(a.m, 1n, a.e, EXTENDED_BITS, -Infinity);
  const e = Math.min(a.e, b.e);
  const exact = (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e));
  return roundRational(exact, 1n, e, EXTENDED_BITS, -Infinity);
}

/** a / n, rounded to the extended format. */
function extendedDivide(a: Dyadic, n: bigint): Dyadic {
  return roundRational(a.m, n, a.e, EXTENDED_BITS, -Infinity);
}

/** The nearest double (ties to even), as C's cast from long double gives. */
function toDouble(x: Dyadic): number {
  const rounded = roundRational(x.m, 1n, x.e, DOUBLE_BITS, DOUBLE_MIN_EXPONENT);
  // Exact: the significand has at most 53 bits and 2^e is a power of two within range.
  return Number(rounded.m) * 2 ** rounded.e;
}
