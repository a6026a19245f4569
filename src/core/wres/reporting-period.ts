/**
 * The WRES reporting year: "2025" means the workforce as at 31 March 2025 and activity (recruitment, disciplinary,
 * training) in the 12 months from 1 April 2024 to 31 March 2025, the financial year the snapshot closes.
 */
export interface ReportingPeriod {
  readonly year: number;
  /** ISO date of the first day of activity counted. */
  readonly start: string;
  /** ISO date of the last day of activity counted, which is also the workforce snapshot date. */
  readonly end: string;
}

export function reportingPeriod(year: number): ReportingPeriod {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Not a reporting year: ${year}`);
  return { year, start: `${year - 1}-04-01`, end: `${year}-03-31` };
}

/** ISO dates compare correctly as strings. */
export function withinPeriod(isoDate: string, period: ReportingPeriod): boolean {
  return isoDate >= period.start && isoDate <= period.end;
}
