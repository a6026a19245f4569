/**
 * Representation: how a body of people (a pay band, the board, the whole workforce) divides between groups. Shares
 * are over everyone in the body, unknowns included, as WRES indicators 1 and 9 require.
 */
import type { Characteristic } from './characteristic.ts';

/** Headcount per fine category (e.g. per ethnic category code). */
export type Headcounts = Readonly<Record<string, number>>;

export interface GroupShare {
  readonly count: number;
  /** 0–100 of everyone in the body; null when the body is empty. */
  readonly pct: number | null;
}

export interface Representation<G extends string> {
  readonly total: number;
  readonly groups: Readonly<Record<G, GroupShare>>;
  /** Counts per fine category, so that, for example, Z (not stated) and 99 (not known) stay distinct. */
  readonly byCategory: Headcounts;
}

export function representation<G extends string>(headcounts: Headcounts, characteristic: Characteristic<G>): Representation<G> {
  const totals = Object.fromEntries(characteristic.groups.map((g) => [g, 0])) as Record<G, number>;
  let total = 0;
  for (const [category, count] of Object.entries(headcounts)) {
    totals[characteristic.groupOf(category)] += count;
    total += count;
  }
  const groups = Object.fromEntries(
    characteristic.groups.map((g) => [g, { count: totals[g], pct: total > 0 ? (totals[g] / total) * 100 : null }]),
  ) as Record<G, GroupShare>;
  return { total, groups, byCategory: headcounts };
}

export interface RepresentationGap {
  readonly bodyCount: number;
  readonly bodyTotal: number;
  readonly bodyPct: number | null;
  readonly workforcePct: number | null;
  /** bodyPct − workforcePct, in percentage points; negative means under-represented in the body. */
  readonly differencePp: number | null;
}

/**
 * Percentage-point gap between a group's share of a body and its share of the workforce.
 * Worked example: 2 of 12 voting board members (16.7%) against 1,000 of 4,000 staff (25.0%) → −8.3 points.
 */
export function representationGap<G extends string>(body: Representation<G>, workforce: Representation<G>, group: G): RepresentationGap {
  const bodyPct = body.groups[group].pct;
  const workforcePct = workforce.groups[group].pct;
  return {
    bodyCount: body.groups[group].count,
    bodyTotal: body.total,
    bodyPct,
    workforcePct,
    differencePp: bodyPct !== null && workforcePct !== null ? bodyPct - workforcePct : null,
  };
}

/** A board body against the workforce as the national returns report it, with its plain-language statement. */
export interface BoardGapFigures {
  readonly boardCount: number;
  readonly boardTotal: number;
  readonly boardPct: number | null;
  readonly workforcePct: number | null;
  readonly differencePp: number | null;
  readonly statement: string;
}

/**
 * Words for a gap: "2 of 12 voting board members (16.7%) are from ethnic minority groups, 12.6 percentage points
 * lower than the ethnic minority share of the workforce (29.3%)." `label` names the body in lower case; `are` and
 * `share` say who is counted for the characteristic at hand.
 */
export function boardGapFigures(gap: RepresentationGap, label: string, are: string, share: string): BoardGapFigures {
  let statement: string;
  if (gap.bodyPct === null || gap.workforcePct === null || gap.differencePp === null) {
    statement = `There are no ${label} in board.csv.`;
  } else {
    const direction = gap.differencePp < 0 ? 'lower than' : gap.differencePp > 0 ? 'higher than' : 'the same as';
    const size = gap.differencePp === 0 ? '' : `${Math.abs(gap.differencePp).toFixed(1)} percentage points `;
    statement = `${gap.bodyCount} of ${gap.bodyTotal} ${label} (${gap.bodyPct.toFixed(1)}%) ${are}, ${size}${direction} ${share} (${gap.workforcePct.toFixed(1)}%).`;
  }
  return {
    boardCount: gap.bodyCount, boardTotal: gap.bodyTotal, boardPct: gap.bodyPct, workforcePct: gap.workforcePct,
    differencePp: gap.differencePp, statement,
  };
}
