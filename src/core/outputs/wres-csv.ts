/**
 * The WRES report as one tidy CSV: a row per figure (indicator, section, item, group, measure, value), so every
 * count, rate, ratio and interval can be filtered or pivoted in a spreadsheet. Text cells that a spreadsheet would
 * run as a formula are neutralised.
 */
import { stringify } from 'csv-stringify/sync';
import type { RatioBreakdownRow, RatioHeadline } from '../indicators/evaluate-ratio.ts';
import type { WresGroup } from '../ethnicity/classifications.ts';
import { neutraliseFormula } from '../util/spreadsheet-safe.ts';
import type { WresReport, WresShares } from '../wres/report.ts';

type Cell = string | number | boolean | null;
type Row = [indicator: string, section: string, item: string, group: string, measure: string, value: Cell];

export const CSV_HEADER = ['indicator', 'section', 'item', 'group', 'measure', 'value'] as const;


function sharesRows(indicator: string, section: string, item: string, shares: WresShares): Row[] {
  // A scope's row withheld to protect identities (core/scopes/scoped-shares.ts): no figure, only that it is withheld.
  if (shares.suppressed) return [[indicator, section, item, '', 'suppressed', true]];
  const rows: Row[] = [[indicator, section, item, 'all', 'count', shares.total]];
  for (const group of ['white', 'ethnicMinority', 'unknown'] as const) {
    rows.push([indicator, section, item, group, 'count', shares[group].count]);
    rows.push([indicator, section, item, group, 'pct', shares[group].pct]);
  }
  rows.push([indicator, section, item, 'unknown', 'not_stated', shares.unknown.notStated]);
  rows.push([indicator, section, item, 'unknown', 'not_known', shares.unknown.notKnown]);
  rows.push([indicator, section, item, 'unknown', 'missing', shares.unknown.missing]);
  return rows;
}

function ratioMeasures(indicator: string, section: string, item: string, r: {
  value: number | null; ci95: readonly [number, number] | null; withinNonAdverseRange: boolean | null; smallNumbers: boolean;
  undefinedExplanation: string | null;
}): Row[] {
  return [
    [indicator, section, item, '', 'relative_likelihood', r.value],
    [indicator, section, item, '', 'ci95_low', r.ci95?.[0] ?? null],
    [indicator, section, item, '', 'ci95_high', r.ci95?.[1] ?? null],
    [indicator, section, item, '', 'within_non_adverse_range', r.withinNonAdverseRange],
    [indicator, section, item, '', 'small_numbers', r.smallNumbers],
    [indicator, section, item, '', 'undefined_reason', r.undefinedExplanation],
  ];
}

function headlineRows(indicator: string, section: string, headline: RatioHeadline<WresGroup>): Row[] {
  const rows = ratioMeasures(indicator, section, '', headline);
  for (const group of ['white', 'ethnicMinority', 'unknown'] as const) {
    const g = headline.groups[group];
    rows.push(
      [indicator, section, '', group, 'events', g.events],
      [indicator, section, '', group, 'population', g.population],
      [indicator, section, '', group, 'rate', g.rate],
      [indicator, section, '', group, 'rate_ci95_low', g.ci95?.[0] ?? null],
      [indicator, section, '', group, 'rate_ci95_high', g.ci95?.[1] ?? null],
    );
  }
  return rows;
}

function breakdownRows(indicator: string, section: string, rows: readonly RatioBreakdownRow[]): Row[] {
  return rows.flatMap((row) => {
    if (row.suppressed) return [[indicator, section, row.label, '', 'suppressed', true] as Row];
    const out = ratioMeasures(indicator, section, row.label, row);
    for (const [side, g] of [['numerator', row.numerator], ['denominator', row.denominator]] as const) {
      if (!g) continue;
      out.push(
        [indicator, section, row.label, `${side}: ${g.label}`, 'events', g.events],
        [indicator, section, row.label, `${side}: ${g.label}`, 'population', g.population],
        [indicator, section, row.label, `${side}: ${g.label}`, 'rate', g.rate],
      );
    }
    return out;
  });
}

export function wresRows(report: WresReport): Row[] {
  const rows: Row[] = [];
  const i1 = report.indicators['1'];
  rows.push(...sharesRows('1', 'overall', '', i1.overall));
  for (const r of i1.rows) rows.push(...sharesRows('1', r.clusterLabel, r.row, r));

  for (const id of ['2', '3', '4'] as const) {
    const indicator = report.indicators[id];
    if (!indicator.available) {
      rows.push([id, 'headline', '', '', 'not_available', indicator.reason]);
      continue;
    }
    rows.push(...headlineRows(id, 'headline', indicator));
    if ('rollingTwoYear' in indicator && indicator.rollingTwoYear.available) {
      rows.push(...headlineRows(id, `two-year ${indicator.rollingTwoYear.years.join('-')}`, indicator.rollingTwoYear));
    }
    for (const [key, breakdown] of Object.entries(indicator.breakdowns)) {
      if (breakdown) rows.push(...breakdownRows(id, key, breakdown));
    }
  }

  for (const id of ['5', '6', '7', '8'] as const) {
    const indicator = report.indicators[id];
    if (!indicator.available) {
      rows.push([id, 'headline', '', '', 'not_available', indicator.reason]);
      continue;
    }
    for (const group of ['white', 'ethnicMinority'] as const) {
      const g = indicator.groups[group];
      rows.push(
        [id, 'headline', '', group, 'respondents', g.respondents],
        [id, 'headline', '', group, 'positive', g.positive],
        [id, 'headline', '', group, 'pct', g.pct],
        [id, 'headline', '', group, 'pct_ci95_low', g.ci95?.[0] ?? null],
        [id, 'headline', '', group, 'pct_ci95_high', g.ci95?.[1] ?? null],
        [id, 'headline', '', group, 'small_numbers', g.smallNumbers],
      );
    }
    rows.push([id, 'headline', '', '', 'difference_pp', indicator.differencePp]);
  }

  const i9 = report.indicators['9'];
  if (!i9.available) {
    rows.push(['9', 'headline', '', '', 'not_available', i9.reason]);
  } else {
    for (const body of ['voting', 'executive'] as const) {
      const gap = i9[body];
      rows.push(
        ['9', body, '', 'ethnicMinority', 'board_count', gap.boardCount],
        ['9', body, '', 'all', 'board_count', gap.boardTotal],
        ['9', body, '', 'ethnicMinority', 'board_pct', gap.boardPct],
        ['9', body, '', 'ethnicMinority', 'workforce_pct', gap.workforcePct],
        ['9', body, '', 'ethnicMinority', 'difference_pp', gap.differencePp],
      );
    }
  }
  return rows;
}

export function wresCsv(report: WresReport): string {
  const rows = wresRows(report).map((row) =>
    row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell === null ? '' : cell)),
  );
  return stringify([[...CSV_HEADER], ...rows], { cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
