/** Dates for the synthetic trust, as whole days since 1970-01-01 (UTC), and the reporting period. */

const DAY_MS = 86_400_000;

export function day(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** Each day's text, made once: a national-size trust writes millions of dates over a few thousand days. */
const ISO_DATES = new Map<number, string>();

export function isoDate(d: number): string {
  let text = ISO_DATES.get(d);
  if (text === undefined) {
    text = new Date(d * DAY_MS).toISOString().slice(0, 10);
    ISO_DATES.set(d, text);
  }
  return text;
}

export function ukDate(d: number): string {
  const iso = isoDate(d);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export interface Period {
  readonly year: number;
  /** 1 April year − 1. */
  readonly start: number;
  /** 31 March year: the workforce snapshot. */
  readonly end: number;
}

export function reportingPeriod(year: number): Period {
  return { year, start: day(year - 1, 4, 1), end: day(year, 3, 31) };
}

/** The first Wednesday of August: when foundation and specialty training rotations start. */
export function augustRotation(year: number): number {
  const first = day(year, 8, 1);
  const weekday = new Date(first * DAY_MS).getUTCDay(); // 0 Sunday … 3 Wednesday
  return first + ((3 - weekday + 7) % 7);
}
