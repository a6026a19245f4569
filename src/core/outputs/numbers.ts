/** Number formatting for people: thousands separators, fixed decimals, and a dash for "no figure". */
import type { Interval } from '../stats/normal.ts';

export const NO_FIGURE = '–';

export function count(n: number | null | undefined): string {
  if (n === null || n === undefined) return NO_FIGURE;
  return Number.isSafeInteger(n) && !Object.is(n, -0) ? grouped(n) : n.toLocaleString('en-GB');
}

/**
 * A whole number with a comma between each three digits, as `toLocaleString('en-GB')` writes it, without it: the
 * first number formatted so loads the locale data, about 20 ms of every report's start (numbers.test.ts compares).
 */
function grouped(n: number): string {
  const digits = String(n < 0 ? -n : n);
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${out}` : out;
}

export function pct(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? NO_FIGURE : `${n.toFixed(digits)}%`;
}

export function ratio(n: number | null | undefined): string {
  return n === null || n === undefined ? NO_FIGURE : n.toFixed(2);
}

export function rateAsPct(n: number | null | undefined): string {
  return n === null || n === undefined ? NO_FIGURE : `${(n * 100).toFixed(1)}%`;
}

export function interval(ci: Interval | null | undefined, format: (n: number) => string = (n) => n.toFixed(2)): string {
  return ci ? `${format(ci[0])} to ${format(ci[1])}` : NO_FIGURE;
}

export function points(n: number | null | undefined): string {
  if (n === null || n === undefined) return NO_FIGURE;
  const sign = n > 0 ? '+' : n < 0 ? '−' : '';
  return `${sign}${Math.abs(n).toFixed(1)} points`;
}
