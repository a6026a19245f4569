/** Where each monthly measure's page is, for the monthly pages and the pages that link to them. */
import type { MonthlyMeasure } from '../../core/monthly/monthly-measures.ts';

/** Where each measure's page is; recruitment keeps the address it has always had. */
export function monthlyPath(base: string, measure: MonthlyMeasure['key']): string {
  return measure === 'recruitment' ? `${base}/monthly` : `${base}/monthly/${measure}`;
}
