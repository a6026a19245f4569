/**
 * Evaluating a survey-proportion indicator: the percentage of each group answering positively, with a Wilson
 * interval in percentage points and a flag where a group has fewer respondents than the survey's own threshold.
 */
import type { DisclosurePolicy } from '../stats/disclosure.ts';
import type { Interval } from '../stats/normal.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import type { Characteristic } from './characteristic.ts';
import type { ProportionDefinition } from './definition.ts';
import { formatPct } from './wording.ts';

export interface SurveyCount {
  readonly respondents: number;
  readonly positive: number;
}

export interface GroupProportion extends SurveyCount {
  /** 0–100; null when nobody responded. */
  readonly pct: number | null;
  /** 95% Wilson interval, in percentage points like pct. */
  readonly ci95: Interval | null;
  readonly smallNumbers: boolean;
}

export interface ProportionResult<G extends string> {
  readonly countHeading: string;
  readonly groups: Readonly<Record<G, GroupProportion>>;
  /** Second group's percentage minus the first's (ethnic minority minus White for WRES), in percentage points. */
  readonly differencePp: number | null;
  readonly statement: string;
}

function toPct(interval: Interval | null): Interval | null {
  return interval ? [interval[0] * 100, interval[1] * 100] : null;
}

export function evaluateProportion<G extends string>(
  definition: ProportionDefinition<G>,
  counts: Readonly<Partial<Record<G, SurveyCount>>>,
  characteristic: Pick<Characteristic<G>, 'adjective'>,
  policy: DisclosurePolicy,
): ProportionResult<G> {
  const groups = {} as Record<G, GroupProportion>;
  for (const group of definition.groups) {
    const { respondents, positive } = counts[group] ?? { respondents: 0, positive: 0 };
    groups[group] = {
      respondents,
      positive,
      pct: respondents > 0 ? (positive / respondents) * 100 : null,
      ci95: toPct(wilsonInterval(positive, respondents)),
      smallNumbers: respondents < policy.minimumRespondents,
    };
  }
  const [first, second] = definition.groups;
  const firstPct = first ? groups[first].pct : null;
  const secondPct = second ? groups[second].pct : null;
  const differencePp = firstPct !== null && secondPct !== null ? secondPct - firstPct : null;
  const described = [...definition.groups]
    .reverse()
    .filter((g) => groups[g].pct !== null)
    .map((g) => `${formatPct(groups[g].pct ?? 0)} of ${characteristic.adjective(g)} staff`);
  const statement = described.length > 0 ? `${described.join(' and ')} ${definition.statement}.` : 'No survey responses were supplied.';
  return { countHeading: definition.countHeading, groups, differencePp, statement };
}
