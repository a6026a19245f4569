/**
 * What an indicator page shows, built from reports: the headline, the table of the numbers behind it, the
 * breakdowns available, the trend across loaded years and a short account of the method. Pure functions; the
 * charts are drawn from exactly the rows given to the tables, so picture and table always agree.
 */
import type { WresReport } from '../../core/wres/report.ts';
import { headlineValue, type IndicatorId } from './dashboard.ts';

export const BREAKDOWN_LABELS: Readonly<Record<string, string>> = {
  aggregatedEthnicGroup: 'Aggregated ethnic groups',
  ethnicCategory: 'Specific ethnic groups',
  staffGroup: 'Staff groups',
  payBand: 'Pay bands',
  directorate: 'Directorates',
  internationalRecruit: 'International recruitment',
  gender: 'Gender',
  disability: 'Disability',
};

export const BREAKDOWN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  aggregatedEthnicGroup: 'Asian, Black, Mixed and Other ethnic groups, each compared with White staff as a whole.',
  ethnicCategory: 'Each of the 13 ethnic minority categories, compared with White staff as a whole.',
  staffGroup: 'The same comparison within each staff group.',
  payBand: 'The same comparison within each pay band and medical grade.',
  directorate: 'The same comparison within each directorate, for example to run the #InclusiveHR challenge.',
  internationalRecruit: 'The same comparison for internationally recruited staff and for everyone else.',
  gender: 'The same comparison among women and among men, and each aggregated ethnic group against White people of the same gender.',
  disability: 'The same comparison among Disabled and among non-disabled staff, and each aggregated ethnic group against White people with the same disability status.',
};

/** Ordered so the most specific view comes after the aggregated one. */
export const BREAKDOWN_ORDER = ['aggregatedEthnicGroup', 'ethnicCategory', 'staffGroup', 'payBand', 'directorate', 'internationalRecruit', 'gender', 'disability'] as const;
export type BreakdownKey = (typeof BREAKDOWN_ORDER)[number];

export function isBreakdownKey(value: string): value is BreakdownKey {
  return (BREAKDOWN_ORDER as readonly string[]).includes(value);
}

export function isIndicatorId(value: string): value is IndicatorId {
  return /^[1-9]$/.test(value);
}

export const METHOD: Readonly<Record<IndicatorId, string>> = {
  '1': 'Headcount at 31 March of White, ethnic minority and unknown-ethnicity staff in each pay band, for non-clinical staff, clinical staff and the medical and dental sub-groups, as a percentage of everyone in that row. Bank-only staff are left out.',
  '2': 'Appointed ÷ shortlisted for White applicants, divided by the same rate for ethnic minority applicants, over applications in the year to 31 March. Applicants whose ethnicity is not known are shown but left out of the ratio. 95% interval by the Katz log method.',
  '3': 'People entering a formal disciplinary investigation in the year ÷ headcount at 31 March, for ethnic minority staff, divided by the same rate for White staff. A person counts once. Bank-only staff are left out. 95% interval by the Katz log method.',
  '4': 'People with at least one non-mandatory course in the year ÷ headcount at 31 March, for White staff, divided by the same rate for ethnic minority staff. A person counts once; mandatory training does not count. 95% interval by the Katz log method.',
  '5': 'Staff survey respondents who experienced harassment, bullying or abuse from patients, relatives or the public, as a percentage of respondents in each group. 95% Wilson intervals.',
  '6': 'Staff survey respondents who experienced harassment, bullying or abuse from managers or colleagues, as a percentage of respondents in each group. 95% Wilson intervals.',
  '7': 'Staff survey respondents who believe the organisation provides equal opportunities for career progression or promotion, as a percentage of respondents in each group. 95% Wilson intervals.',
  '8': 'Staff survey respondents who experienced discrimination from a manager, team leader or colleagues, as a percentage of respondents in each group. 95% Wilson intervals.',
  '9': 'The ethnic minority share of voting (and of executive) board members minus the ethnic minority share of the workforce, in percentage points. Shares are over everyone, including people whose ethnicity is not known.',
};

export interface TrendPoint {
  readonly year: number;
  readonly value: number | null;
  readonly ci95: readonly [number, number] | null;
  /** The counts behind the value, written out for the table. */
  readonly counts: string;
}

/** The indicator's headline over every loaded year, oldest first. */
export function trend(reports: readonly WresReport[], id: IndicatorId): TrendPoint[] {
  return [...reports].sort((a, b) => a.year - b.year).map((report) => {
    const i = report.indicators[id];
    const value = headlineValue(report, id);
    if (!i.available) return { year: report.year, value: null, ci95: null, counts: 'not available' };
    switch (id) {
      case '2':
      case '3':
      case '4': {
        const r = report.indicators[id];
        if (!r.available) return { year: report.year, value, ci95: null, counts: '' };
        const n = r.groups[r.orientation.numerator];
        const d = r.groups[r.orientation.denominator];
        return { year: report.year, value, ci95: r.ci95, counts: `${n.events} of ${n.population} against ${d.events} of ${d.population}` };
      }
      case '1': {
        const o = report.indicators['1'].overall;
        return { year: report.year, value, ci95: null, counts: `${o.ethnicMinority.count} of ${o.total}` };
      }
      case '9': {
        const b = report.indicators['9'];
        return b.available
          ? { year: report.year, value, ci95: null, counts: `${b.voting.boardCount} of ${b.voting.boardTotal} voting members` }
          : { year: report.year, value: null, ci95: null, counts: '' };
      }
      default: {
        const s = report.indicators[id];
        if (!s.available) return { year: report.year, value: null, ci95: null, counts: '' };
        const em = s.groups.ethnicMinority;
        return { year: report.year, value, ci95: em.ci95, counts: `${em.positive} of ${em.respondents}` };
      }
    }
  });
}
