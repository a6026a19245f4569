/**
 * What the WRES pages show beyond the shared presenters (web/presenters/): an indicator's breakdown links, the link
 * to its monthly series, and the CSV of an indicator or one of its breakdowns.
 */
import { MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES } from '../../core/monthly/monthly-measures.ts';
import { wresRows } from '../../core/outputs/wres-csv.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { csvText } from '../../web/csv-download.ts';
import type { IndicatorId } from '../../web/presenters/dashboard.ts';
import { BREAKDOWN_DESCRIPTIONS, BREAKDOWN_LABELS, BREAKDOWN_ORDER } from '../../web/presenters/indicator.ts';
import { monthlyPath } from '../../web/presenters/monthly-path.ts';

/** The monthly series of indicators 2, 3 and 4; null for the others. */
export function monthlyHrefFor(yearPath: string, id: IndicatorId): string | null {
  const measure = MONTHLY_MEASURE_KEYS.find((key) => MONTHLY_MEASURES[key].definition.id === id);
  return measure ? monthlyPath(yearPath, measure) : null;
}

/** The report's rows as CSV, keeping those `keep` accepts. */
export function csvOf(report: WresReport, keep: (row: ReturnType<typeof wresRows>[number]) => boolean): string {
  return csvText(['indicator', 'section', 'item', 'group', 'measure', 'value'], wresRows(report).filter(keep));
}

/** Links to the breakdowns an indicator has figures for. */
export function breakdownLinks(report: WresReport, id: IndicatorId, base: string) {
  if (id !== '2' && id !== '3' && id !== '4') return [];
  const indicator = report.indicators[id];
  if (!indicator.available) return [];
  return BREAKDOWN_ORDER.filter((key) => (indicator.breakdowns[key]?.length ?? 0) > 0).map((key) => ({
    key, label: BREAKDOWN_LABELS[key], description: BREAKDOWN_DESCRIPTIONS[key], href: `${base}/${key}`,
  }));
}
