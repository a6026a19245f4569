/**
 * Which national returns there are and the files they are written as: names only, so the command line can offer
 * them without loading the returns' layouts (index.ts).
 */
export type ReturnStandard = 'wres' | 'wdes';
/** The files a return is written as: the workbook with a Sources sheet, or one CSV row per figure. */
export type ReturnFormat = 'xlsx' | 'csv';
export const RETURN_FORMATS: readonly ReturnFormat[] = ['xlsx', 'csv'];
export const RETURN_STANDARDS: readonly ReturnStandard[] = ['wres', 'wdes'];

export function isReturnStandard(value: string): value is ReturnStandard {
  return (RETURN_STANDARDS as readonly string[]).includes(value);
}
