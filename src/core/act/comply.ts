/**
 * Comply or explain: an organisation's own rules ("every appointment panel for Band 8a and above is diverse"), each
 * case recorded as complied or not, with the explanation where not. Compliance by month is a percentage of the
 * month's cases, charted as statistical process control (core/stats/spc, Making Data Count's XmR chart; higher is
 * better), with limits once 12 months have cases. Months between the first and the last with no cases are gaps.
 */
import { type SpcResult, spc } from '../stats/spc/index.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';

export interface CaseLike {
  readonly month: string;
  readonly complied: boolean;
}

export interface ComplianceMonth {
  /** "2026-11". */
  readonly month: string;
  readonly cases: number;
  readonly complied: number;
  /** 0–100; null for a month with no cases. */
  readonly pct: number | null;
  /** 95% Wilson interval, in percentage points. */
  readonly ci95: readonly [number, number] | null;
}

/** Months with a figure needed before process limits are drawn (Making Data Count's usual minimum). */
export const MINIMUM_MONTHS_FOR_LIMITS = 12;

export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Each month from the first case's to the last's, with its cases and the percentage that complied. */
export function complianceByMonth(cases: readonly CaseLike[]): ComplianceMonth[] {
  const months = [...new Set(cases.map((c) => c.month))].filter(isMonth).sort();
  if (months.length === 0) return [];
  const rows: ComplianceMonth[] = [];
  for (let month = months[0]!; month <= months[months.length - 1]!; month = nextMonth(month)) {
    const inMonth = cases.filter((c) => c.month === month);
    const complied = inMonth.filter((c) => c.complied).length;
    const ci = wilsonInterval(complied, inMonth.length);
    rows.push({
      month, cases: inMonth.length, complied,
      pct: inMonth.length === 0 ? null : (complied / inMonth.length) * 100,
      ci95: ci ? [ci[0] * 100, ci[1] * 100] : null,
    });
  }
  return rows;
}

export interface ComplianceSeries {
  readonly months: readonly ComplianceMonth[];
  readonly spc: SpcResult;
  readonly showLimits: boolean;
}

/** The monthly percentages through SPC, higher being better, with the target of every case complied with. */
export function complianceSeries(cases: readonly CaseLike[]): ComplianceSeries {
  const months = complianceByMonth(cases);
  const result = spc(months.map((m) => ({ date: m.month, value: m.pct })), { direction: 'increase', target: 100 });
  const known = months.filter((m) => m.pct !== null).length;
  return { months, spc: result, showLimits: known >= MINIMUM_MONTHS_FOR_LIMITS };
}
