/**
 * What stands out in a year's WRES figures: the few findings the dashboard opens with, each in a sentence with its
 * numbers. The rule (docs/methodology.md, "What stands out"):
 *
 * - a relative likelihood (indicators 2 to 4) stands out when it is outside 0.80 to 1.25 and its 95% interval
 *   leaves out 1;
 * - a staff survey gap (indicators 5 to 8) stands out when Newcombe's 95% interval for the difference between the
 *   ethnic minority and White percentages leaves out 0;
 * - nothing resting on small numbers is chosen (a ratio with fewer than 10 events in a compared group, a survey group
 *   with fewer than 11 respondents, a percentage of 0): those that would otherwise stand out are named as left out;
 * - indicators 1 and 9 are never chosen: they count whole populations and have no interval to judge chance by;
 * - the findings are ordered by their distance from parity on the log scale, |ln(ratio)|, where a survey gap's
 *   ratio is the ethnic minority percentage divided by the White one, and at most four are kept.
 *
 * Pure: it only reads the report.
 */
import type { Interval } from '../stats/normal.ts';
import { proportionChange } from '../stats/change-between-years.ts';
import { excludesOne, NON_ADVERSE_RANGE, withinRange } from '../stats/relative-likelihood.ts';
import { formatPct, formatRatio, ratioSentence } from '../indicators/wording.ts';
import { WRES_2, WRES_3, WRES_4, WRES_5, WRES_6, WRES_7, WRES_8 } from './definitions.ts';
import type { WresReport } from './report.ts';

export const STANDS_OUT_LIMIT = 4;

export type RatioId = '2' | '3' | '4';
export type SurveyId = '5' | '6' | '7' | '8';

/** One compared group's count, in the order the sentence names them. */
export interface FindingGroup {
  readonly group: 'white' | 'ethnicMinority';
  readonly label: string;
  readonly events: number;
  readonly population: number;
  /** 0–100. */
  readonly pct: number;
  /** 0–100. */
  readonly ci95: Interval | null;
}

export interface Finding {
  readonly id: RatioId | SurveyId;
  readonly kind: 'ratio' | 'survey';
  readonly title: string;
  /** The relative likelihood, or the survey percentages' ratio (ethnic minority ÷ White). */
  readonly ratio: number;
  /** |ln(ratio)|: how far from parity, the order of the findings. */
  readonly distance: number;
  /** The ratio's 95% interval (Katz) for indicators 2 to 4; the difference's (Newcombe, in points) for 5 to 8. */
  readonly ci95: Interval;
  /** Survey only: ethnic minority minus White, in percentage points. */
  readonly differencePp: number | null;
  readonly groups: readonly [FindingGroup, FindingGroup];
  /** What "events" counts, e.g. "Appointed", "Experienced"; and what "population" counts, e.g. "Shortlisted". */
  readonly eventHeading: string;
  readonly populationHeading: string;
  readonly sentence: string;
}

export interface StandsOut {
  readonly findings: readonly Finding[];
  /** Those that meet the rule but rest on small numbers, so are not chosen. */
  readonly leftOutForSmallNumbers: readonly { readonly id: RatioId | SurveyId; readonly title: string }[];
  /** How many indicators among 2 to 8 had a figure to judge. */
  readonly judged: number;
}

const RATIO_DEFINITIONS = { '2': WRES_2, '3': WRES_3, '4': WRES_4 } as const;
const SURVEY_DEFINITIONS = { '5': WRES_5, '6': WRES_6, '7': WRES_7, '8': WRES_8 } as const;
const RATIO_HEADINGS: Readonly<Record<RatioId, [string, string]>> = {
  '2': ['Appointed', 'Shortlisted'],
  '3': ['Entered the process', 'Headcount'],
  '4': ['Accessed training', 'Headcount'],
};
const ADJECTIVE = { white: 'White', ethnicMinority: 'ethnic minority' } as const;
const LABEL = { white: 'White', ethnicMinority: 'Ethnic minority' } as const;

const count = (n: number) => n.toLocaleString('en-GB');
const points = (n: number) => `${n < 0 ? '−' : ''}${Math.abs(n).toFixed(1)}`;

function ratioFinding(report: WresReport, id: RatioId): { finding: Finding; small: boolean } | null {
  const r = report.indicators[id];
  if (!r.available || r.value === null || r.value <= 0 || !r.ci95) return null;
  if (withinRange(r.value, NON_ADVERSE_RANGE) !== false || excludesOne(r.ci95) !== true) return null;
  const definition = RATIO_DEFINITIONS[id];
  const side = (group: 'white' | 'ethnicMinority'): FindingGroup => {
    const g = r.groups[group];
    return {
      group, label: LABEL[group], events: g.events, population: g.population, pct: (g.rate ?? 0) * 100,
      ci95: g.ci95 ? [g.ci95[0] * 100, g.ci95[1] * 100] : null,
    };
  };
  const numerator = r.orientation.numerator === 'white' ? 'white' : 'ethnicMinority';
  const [first, second] = [side(numerator), side(numerator === 'white' ? 'ethnicMinority' : 'white')];
  const people = definition.wording.people;
  const likely = ratioSentence({
    numeratorLabel: ADJECTIVE[first.group], denominatorLabel: ADJECTIVE[second.group], numerator: first, denominator: second,
    value: r.value, ci95: r.ci95, undefinedReason: null, wording: definition.wording,
  }).replace(/\.$/, '');
  const sentence = `${likely} (95% interval ${formatRatio(r.ci95[0])} to ${formatRatio(r.ci95[1])}): ` +
    `${count(first.events)} of ${count(first.population)} ${ADJECTIVE[first.group]} ${people} (${formatPct(first.pct)}) ` +
    `against ${count(second.events)} of ${count(second.population)} ${ADJECTIVE[second.group]} ${people} (${formatPct(second.pct)}).`;
  const [eventHeading, populationHeading] = RATIO_HEADINGS[id];
  return {
    small: r.smallNumbers,
    finding: {
      id, kind: 'ratio', title: r.title, ratio: r.value, distance: Math.abs(Math.log(r.value)), ci95: r.ci95, differencePp: null,
      groups: [first, second], eventHeading, populationHeading, sentence,
    },
  };
}

function surveyFinding(report: WresReport, id: SurveyId): { finding: Finding; small: boolean } | null {
  const s = report.indicators[id];
  if (!s.available) return null;
  const { white, ethnicMinority } = s.groups;
  if (white.pct === null || ethnicMinority.pct === null) return null;
  const gap = proportionChange({ events: white.positive, population: white.respondents }, { events: ethnicMinority.positive, population: ethnicMinority.respondents });
  if (!gap || !(gap.ci95[0] > 0 || gap.ci95[1] < 0)) return null;
  const small = white.smallNumbers || ethnicMinority.smallNumbers || white.positive === 0 || ethnicMinority.positive === 0;
  const ratio = white.positive === 0 || ethnicMinority.positive === 0 ? 1 : ethnicMinority.pct / white.pct;
  const side = (group: 'white' | 'ethnicMinority'): FindingGroup => {
    const g = s.groups[group];
    return { group, label: LABEL[group], events: g.positive, population: g.respondents, pct: g.pct ?? 0, ci95: g.ci95 };
  };
  const [em, w] = [side('ethnicMinority'), side('white')];
  const [more, fewer] = ratio >= 1 ? [em, w] : [w, em];
  const times = ratio >= 1 ? ratio : 1 / ratio;
  const sentence = `${formatPct(em.pct)} of ethnic minority staff ` +
    `(${count(em.events)} of ${count(em.population)}) and ${formatPct(w.pct)} of White staff (${count(w.events)} of ${count(w.population)}) ` +
    `${SURVEY_DEFINITIONS[id].statement}: a gap of ${points(gap.differencePp)} percentage points (95% interval ${points(gap.ci95[0])} to ${points(gap.ci95[1])}). ` +
    `${more.group === 'white' ? 'White' : 'Ethnic minority'} staff were ${formatRatio(times)} times as likely as ${fewer.group === 'white' ? 'White' : 'ethnic minority'} staff to say so.`;
  return {
    small,
    finding: {
      id, kind: 'survey', title: s.title, ratio, distance: Math.abs(Math.log(ratio)), ci95: gap.ci95, differencePp: gap.differencePp,
      groups: [em, w], eventHeading: s.countHeading, populationHeading: 'Respondents', sentence,
    },
  };
}

/** The findings that stand out, the near-misses left out for small numbers, and how many indicators were judged. */
export function standsOut(report: WresReport, limit: number = STANDS_OUT_LIMIT): StandsOut {
  const candidates = [
    ...(['2', '3', '4'] as const).map((id) => ratioFinding(report, id)),
    ...(['5', '6', '7', '8'] as const).map((id) => surveyFinding(report, id)),
  ].filter((c): c is { finding: Finding; small: boolean } => c !== null);
  const judged = (['2', '3', '4', '5', '6', '7', '8'] as const).filter((id) => report.indicators[id].available).length;
  const chosen = candidates.filter((c) => !c.small).map((c) => c.finding).sort((a, b) => b.distance - a.distance || Number(a.id) - Number(b.id));
  return {
    findings: chosen.slice(0, limit),
    leftOutForSmallNumbers: candidates.filter((c) => c.small).map((c) => ({ id: c.finding.id, title: c.finding.title })),
    judged,
  };
}
