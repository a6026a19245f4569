/**
 * The few probability distributions Mirror needs, written out here rather than taken from a library (see the note
 * in docs/methodology.md, "Funnel plots"): the standard normal quantile, the log-gamma function, the regularised
 * incomplete gamma function and its inverse (the gamma and chi-square quantiles, used for exact Poisson limits).
 *
 * Sources:
 * - Normal quantile: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal distribution",
 *   Applied Statistics 37(3):477–484 (PPND16, accurate to about 1 part in 10¹⁶). R's qnorm uses the same algorithm.
 * - Log-gamma: C. Lanczos (1964), SIAM J. Numer. Anal. B1:86–96, with the g = 7, n = 9 coefficients published by
 *   P. Godfrey; relative error about 1e-15 for x > 0.
 * - Incomplete gamma: the series and Legendre continued fraction of Abramowitz & Stegun 6.5.29 and 6.5.31, evaluated
 *   with the modified Lentz method (W. H. Press et al., Numerical Recipes, 3rd ed., §6.2). The leading factor
 *   xᵃe⁻ˣ/Γ(a+1) is computed as C. Loader's saddle-point form (Loader 2000, "Fast and accurate computation of
 *   binomial probabilities"; also how R computes Poisson densities), exp(−stirlerr(a) − bd0(a, x)) / √(2πa), which
 *   stays accurate when a and x are large.
 * - Gamma quantile: Newton's method safeguarded by bisection on the tail that is smaller (so no accuracy is lost to
 *   1 − p), started from the Wilson–Hilferty approximation. It matches R's qgamma/qchisq to about 1e-13 relative.
 */

const LN_SQRT_2PI = 0.918938533204672741780329736406; // ln √(2π)

// ---------------------------------------------------------------- normal

/**
 * Φ⁻¹(p): the standard normal quantile, by Wichura's AS 241 (PPND16).
 *
 * Worked example: normalQuantile(0.975) = 1.959963984540054, normalQuantile(0.999) = 3.090232306167813,
 * normalQuantile(0.5) = 0. Returns −∞ at 0, +∞ at 1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -value : value;
}

// ---------------------------------------------------------------- gamma function

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 (Lanczos approximation; the reflection formula below ½).
 *
 * Worked example: logGamma(1) = 0, logGamma(0.5) = ln √π = 0.5723649429247001, logGamma(10) = ln 9! = 12.8018274800814.
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x <= 0) return Number.NaN;
  if (x === 1 || x === 2) return 0;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i += 1) sum += (LANCZOS[i] ?? 0) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The error of Stirling's formula, ln Γ(n+1) − [(n + ½) ln n − n + ln √(2π)], by its asymptotic series for n > 15
 * (coefficients 1/12, 1/360, 1/1260, 1/1680, 1/1188) and directly below that.
 */
function stirlingError(n: number): number {
  if (n <= 15) return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** x ln(x/m) + m − x, computed without cancellation when x is close to m (Loader's bd0). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j += 1) {
      term *= v;
      const next = s + term / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** xᵃ e⁻ˣ / Γ(a + 1), for a > 0 and x > 0, in Loader's saddle-point form. */
function gammaLeadingFactor(a: number, x: number): number {
  return Math.exp(-stirlingError(a) - deviance(a, x)) / Math.sqrt(2 * Math.PI * a);
}

// ---------------------------------------------------------------- incomplete gamma

export interface GammaTails {
  /** P(a, x) = γ(a, x)/Γ(a), the lower tail. */
  readonly lower: number;
  /** Q(a, x) = 1 − P(a, x), the upper tail. */
  readonly upper: number;
}

const TINY = 1e-300;

/**
 * The regularised incomplete gamma function, both tails, each computed directly where it is the smaller so neither
 * loses precision to 1 − (the other). For x < a + 1 the series
 *   P(a, x) = xᵃe⁻ˣ/Γ(a+1) · Σₙ xⁿ / ((a+1)(a+2)…(a+n)),
 * otherwise the continued fraction
 *   Q(a, x) = xᵃe⁻ˣ/Γ(a) · 1/(x + 1 − a − 1·(1−a)/(x + 3 − a − 2·(2−a)/(x + 5 − a − …))).
 *
 * Worked example: a = 1 is the exponential distribution, so P(1, 2) = 1 − e⁻² = 0.8646647167633873;
 * P(15, 15) = 0.5343683407...
 */
export function regularisedGamma(a: number, x: number): GammaTails {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0) return { lower: Number.NaN, upper: Number.NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  const factor = gammaLeadingFactor(a, x);
  if (x < a + 1) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 100_000; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const lower = Math.min(1, factor * sum);
    return { lower, upper: 1 - lower };
  }
  // Modified Lentz evaluation of the continued fraction.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const upper = Math.min(1, a * factor * h);
  return { lower: 1 - upper, upper };
}

/** The gamma density with shape a and scale 1 at x: xᵃ⁻¹e⁻ˣ/Γ(a). */
function gammaDensity(a: number, x: number): number {
  return x <= 0 ? 0 : (a * gammaLeadingFactor(a, x)) / x;
}

/**
 * The quantile of the gamma distribution with shape a and scale 1: the x with P(a, x) = p (lowerTail) or
 * Q(a, x) = p (upper tail). Newton steps on whichever tail is below ½, kept inside a bracket by bisection, from the
 * Wilson–Hilferty start a·(1 − 1/(9a) + z/(3√a))³.
 *
 * Worked example: the exact Poisson 95% limits for 15 events use gammaQuantile(0.025, 15) = 8.395386133 and
 * gammaQuantile(0.025, 16, false) = 24.740219; divided by 15 they give 0.5596924 and 1.649348 (FunnelPlotR's test).
 */
export function gammaQuantile(p: number, a: number, lowerTail = true): number {
  if (Number.isNaN(p) || Number.isNaN(a) || p < 0 || p > 1 || a <= 0) return Number.NaN;
  if (p === 0) return lowerTail ? 0 : Number.POSITIVE_INFINITY;
  if (p === 1) return lowerTail ? Number.POSITIVE_INFINITY : 0;
  const lowerP = lowerTail ? p : 1 - p;
  // Solve on the smaller tail: tail(x) = target, where tail is P (increasing) or Q (decreasing).
  const useLower = lowerP <= 0.5;
  const target = useLower ? (lowerTail ? p : 1 - p) : lowerTail ? 1 - p : p;
  const tail = (x: number) => {
    const t = regularisedGamma(a, x);
    return useLower ? t.lower : t.upper;
  };
  // f(x) = tail(x) − target increases with x when solving on P and decreases when solving on Q.
  const sign = useLower ? 1 : -1;

  let x = wilsonHilferty(lowerP, a);
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 300; i += 1) {
    const f = sign * (tail(x) - target);
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = gammaDensity(a, x);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = hi === Number.POSITIVE_INFINITY ? Math.max(2 * x, x + 1) : (lo + hi) / 2;
    if (Math.abs(next - x) <= 4e-16 * Math.abs(x) || next === lo || next === hi) return next;
    x = next;
  }
  return x;
}

function wilsonHilferty(lowerP: number, a: number): number {
  const z = normalQuantile(lowerP);
  const c = 1 / (9 * a);
  const start = a * (1 - c + z * Math.sqrt(c)) ** 3;
  if (start > 0 && Number.isFinite(start)) return start;
  // Small shapes in the lower tail: P(a, x) ≈ xᵃ/Γ(a+1).
  return Math.exp((Math.log(lowerP) + logGamma(a + 1)) / a);
}

/**
 * The chi-square quantile with df degrees of freedom: 2 × gammaQuantile(p, df/2).
 *
 * Worked example: chiSquareQuantile(0.95, 1) = 3.841458820694124 (= 1.959964²).
 */
export function chiSquareQuantile(p: number, df: number, lowerTail = true): number {
  return 2 * gammaQuantile(p, df / 2, lowerTail);
}
