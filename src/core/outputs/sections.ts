/**
 * Pieces of a terminal report shared by every standard: headings, unavailable notices, shares, verdicts and
 * breakdown tables. Each standard's formatter arranges them.
 */
import type { RatioBreakdownRow } from '../indicators/evaluate-ratio.ts';
import { count, interval, pct, ratio } from './numbers.ts';
import { textTable } from './text-table.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A calendar date written YYYY-MM-DD as "31 March 2025", as `toLocaleDateString('en-GB', …)` writes it, without it:
 * the first date formatted so loads the time zone data, about 20 ms of every report's start. Anything else is
 * formatted the long way, so it reads exactly as before.
 */
export function longDate(iso: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const year = date ? Number(date[1]) : 0;
  const month = date ? Number(date[2]) : 0;
  const day = date ? Number(date[3]) : 0;
  // Year 0 is left to it too: it writes 1 BC as "1".
  if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) {
    return `${day} ${MONTHS[month - 1]} ${year}`;
  }
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function heading(id: string, title: string, noun = 'Indicator'): string {
  return `\n${noun} ${id}: ${title}`;
}

export function unavailableText(indicator: { readonly id: string; readonly title: string; readonly reason: string }, noun = 'Indicator'): string {
  return `${heading(indicator.id, indicator.title, noun)}\n  Not available: ${indicator.reason}.`;
}

export function share(s: { count: number; pct: number | null }): string {
  return `${count(s.count)} (${pct(s.pct)})`;
}

export function verdict(r: { withinNonAdverseRange: boolean | null; smallNumbers: boolean }): string[] {
  const lines: string[] = [];
  if (r.withinNonAdverseRange !== null) {
    lines.push(r.withinNonAdverseRange
      ? 'Inside the non-adverse range of 0.80 to 1.25.'
      : 'Outside the non-adverse range of 0.80 to 1.25.');
  }
  if (r.smallNumbers) lines.push('Based on small numbers (fewer than 10 events in a group): treat with caution.');
  return lines;
}

export function breakdownTable(rows: readonly RatioBreakdownRow[], sides: readonly [string, string], eventHeading: string, populationHeading: string): string {
  const fraction = `${eventHeading}/${populationHeading}`;
  return textTable(
    [
      { heading: 'Breakdown' }, { heading: 'Ratio', align: 'right' }, { heading: '95% interval' },
      { heading: `${sides[0]} ${fraction}`, align: 'right' },
      { heading: `${sides[1]} ${fraction}`, align: 'right' }, { heading: 'Note' },
    ],
    rows.map((row) => {
      if (row.suppressed) return [row.label, 'withheld', '', '', '', row.suppressionReason ?? ''];
      const note = row.undefinedExplanation ?? (row.smallNumbers ? 'small numbers' : '');
      return [
        row.label, ratio(row.value), interval(row.ci95),
        `${count(row.numerator?.events)}/${count(row.numerator?.population)}`,
        `${count(row.denominator?.events)}/${count(row.denominator?.population)}`,
        note,
      ];
    }),
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
