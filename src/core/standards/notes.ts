/** Notes every standard's report may carry, worded once. */

/** Says where the two-year figure's other year came from, without any path, so files and store say the same. */
export function previousYearNote(previousYear: number, figure: string): string {
  return `The previous year's (${previousYear}) data were used for the two-year figure of ${figure}.`;
}
