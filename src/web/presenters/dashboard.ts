/**
 * The dashboard's view of a WRES report: one row per indicator with its headline figure, interval, which way is
 * worse, the non-adverse range where it applies, the small-number flag and the change since last year. Pure: it
 * only rearranges what the report already holds.
 */
import type { WresReport } from '../../core/wres/report.ts';
import { changeSentence, proportionChangeBeyondChance, ratioChangeBeyondChance } from './change.ts';

export type IndicatorId = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
export const INDICATOR_IDS: readonly IndicatorId[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A few words naming each indicator, for headings and for the dashboard's table on a phone. */
export const SHORT_TITLES: Readonly<Record<IndicatorId, string>> = {
  '1': 'staff in each pay band',
  '2': 'appointment from shortlisting',
  '3': 'entering the formal disciplinary process',
  '4': 'non-mandatory training and development',
  '5': 'harassment from patients, relatives or the public',
  '6': 'harassment from other staff',
  '7': 'equal opportunities for career progression',
  '8': 'discrimination from a manager or colleague',
  '9': 'board membership',
};

export interface DashboardRow {
  readonly id: IndicatorId;
  readonly title: string;
  /** SHORT_TITLES, with a capital. */
  readonly shortTitle: string;
  readonly available: boolean;
  readonly unavailableReason: string | null;
  /** The headline figure as people read it, e.g. "1.52", "28.7%", "−13.3 points". */
  readonly figure: string;
  /** What the figure is, e.g. "relative likelihood", "of ethnic minority staff". */
  readonly figureLabel: string;
  readonly interval: string | null;
  readonly worseWhen: string;
  readonly nonAdverse: 'inside' | 'outside' | null;
  readonly smallNumbers: boolean;
  readonly change: string | null;
  readonly statement: string;
}

const WORSE_WHEN: Readonly<Record<IndicatorId, string>> = {
  '1': 'Compare each band with the whole workforce',
  '2': 'Above 1: ethnic minority applicants less likely to be appointed',
  '3': 'Above 1: ethnic minority staff more likely to enter the process',
  '4': 'Above 1: ethnic minority staff less likely to access training',
  '5': 'Higher is worse',
  '6': 'Higher is worse',
  '7': 'Lower is worse',
  '8': 'Higher is worse',
  '9': 'Below 0: ethnic minority people under-represented on the board',
};

const ratio = (n: number | null) => (n === null ? '–' : n.toFixed(2));
const pct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)}%`);
const points = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(1)} points`);

/** The single number each indicator is judged by, for the change since last year. */
export function headlineValue(report: WresReport, id: IndicatorId): number | null {
  const indicator = report.indicators[id];
  if (!indicator.available) return null;
  switch (id) {
    case '1':
      return report.indicators['1'].overall.ethnicMinority.pct;
    case '2':
    case '3':
    case '4': {
      const i = report.indicators[id];
      return i.available ? i.value : null;
    }
    case '9': {
      const i = report.indicators['9'];
      return i.available ? i.voting.differencePp : null;
    }
    default: {
      const i = report.indicators[id];
      return i.available ? i.groups.ethnicMinority.pct : null;
    }
  }
}

/**
 * Whether the change since last year is more than chance would usually give: the ratio of the two years' relative
 * likelihoods for 2 to 4, the change in the ethnic minority percentage for 1 and 5 to 8. Null where there is no
 * judgement: indicator 9 (a board is a whole population, not a sample), or counts that give no interval.
 */
export function changeBeyondChance(id: IndicatorId, now: WresReport, before: WresReport): boolean | null {
  if (id === '9') return null;
  if (id === '1') {
    const share = (r: WresReport) => ({ events: r.indicators['1'].overall.ethnicMinority.count, population: r.indicators['1'].overall.total });
    return proportionChangeBeyondChance(share(before), share(now));
  }
  if (id === '2' || id === '3' || id === '4') {
    const a = before.indicators[id];
    const b = now.indicators[id];
    return a.available && b.available ? ratioChangeBeyondChance(a, b) : null;
  }
  const a = before.indicators[id];
  const b = now.indicators[id];
  if (!a.available || !b.available) return null;
  const group = (i: typeof a & { available: true }) => ({ events: i.groups.ethnicMinority.positive, population: i.groups.ethnicMinority.respondents });
  return proportionChangeBeyondChance(group(a), group(b));
}

function change(id: IndicatorId, report: WresReport, previous: WresReport): string | null {
  const now = headlineValue(report, id);
  const before = headlineValue(previous, id);
  if (now === null || before === null) return null;
  const delta = now - before;
  const size = id === '2' || id === '3' || id === '4' ? ratio(Math.abs(delta)) : `${Math.abs(delta).toFixed(1)} points`;
  return changeSentence(delta, size, previous.year, changeBeyondChance(id, report, previous));
}

export function dashboardRows(report: WresReport, previous: WresReport | null): DashboardRow[] {
  return INDICATOR_IDS.map((id) => row(report.indicators[id], id, previous ? change(id, report, previous) : null, () => figureOf(report, id)));
}

/** Which way is worse and the change since last year for one indicator: the dashboard's columns a phone leaves out. */
export function indicatorGlance(report: WresReport, reports: readonly WresReport[], id: IndicatorId): { worseWhen: string; change: string | null } {
  const previous = reports.find((r) => r.year === report.year - 1) ?? null;
  return { worseWhen: WORSE_WHEN[id], change: previous ? change(id, report, previous) : null };
}

/** Indicators 1 to 4 alone, with no change since last year: the medical workforce page's summary. */
export type CoreIndicatorId = '1' | '2' | '3' | '4';
export function coreIndicatorRows(indicators: Pick<WresReport['indicators'], CoreIndicatorId>): DashboardRow[] {
  return (['1', '2', '3', '4'] as const).map((id) => row(indicators[id], id, null, () => coreFigure(indicators, id)));
}

function row(
  indicator: { readonly available: boolean; readonly title: string; readonly reason?: string },
  id: IndicatorId,
  change: string | null,
  figure: () => Pick<DashboardRow, 'figure' | 'figureLabel' | 'interval' | 'nonAdverse' | 'smallNumbers' | 'statement'>,
): DashboardRow {
  const short = SHORT_TITLES[id];
  const base = { id, title: indicator.title, shortTitle: short.charAt(0).toUpperCase() + short.slice(1), worseWhen: WORSE_WHEN[id], change };
  if (!indicator.available) {
    return {
      ...base, available: false, unavailableReason: indicator.reason ?? '', figure: 'Not available', figureLabel: '',
      interval: null, nonAdverse: null, smallNumbers: false, statement: '',
    };
  }
  return { ...base, available: true, unavailableReason: null, ...figure() };
}

function coreFigure(indicators: Pick<WresReport['indicators'], CoreIndicatorId>, id: CoreIndicatorId): Pick<DashboardRow, 'figure' | 'figureLabel' | 'interval' | 'nonAdverse' | 'smallNumbers' | 'statement'> {
  if (id === '1') {
    const i = indicators['1'];
    return {
      figure: pct(i.overall.ethnicMinority.pct), figureLabel: 'of the workforce are from ethnic minority groups',
      interval: null, nonAdverse: null, smallNumbers: false, statement: i.statement,
    };
  }
  const i = indicators[id];
  if (!i.available) throw new Error('unreachable');
  return {
    figure: ratio(i.value), figureLabel: 'relative likelihood',
    interval: i.ci95 ? `${ratio(i.ci95[0])} to ${ratio(i.ci95[1])}` : null,
    nonAdverse: i.withinNonAdverseRange === null ? null : i.withinNonAdverseRange ? 'inside' : 'outside',
    smallNumbers: i.smallNumbers, statement: i.statement,
  };
}

function figureOf(report: WresReport, id: IndicatorId): Pick<DashboardRow, 'figure' | 'figureLabel' | 'interval' | 'nonAdverse' | 'smallNumbers' | 'statement'> {
  const { indicators } = report;
  if (id === '1' || id === '2' || id === '3' || id === '4') return coreFigure(indicators, id);
  if (id === '9') {
    const i = indicators['9'];
    if (!i.available) throw new Error('unreachable');
    return {
      figure: points(i.voting.differencePp), figureLabel: 'voting board members compared with the workforce',
      interval: null, nonAdverse: null, smallNumbers: i.voting.boardTotal < 10, statement: i.voting.statement,
    };
  }
  const i = indicators[id];
  if (!i.available) throw new Error('unreachable');
  const em = i.groups.ethnicMinority;
  return {
    figure: pct(em.pct), figureLabel: `of ethnic minority staff (White staff ${pct(i.groups.white.pct)})`,
    interval: em.ci95 ? `${em.ci95[0].toFixed(1)}% to ${em.ci95[1].toFixed(1)}%` : null,
    nonAdverse: null, smallNumbers: em.smallNumbers || i.groups.white.smallNumbers, statement: i.statement,
  };
}
