/** The latest reporting year whose snapshot date (31 March) has passed: 2025 from 1 April 2025 to 31 March 2026. */
export function latestReportingYear(today: Date): number {
  return today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}
