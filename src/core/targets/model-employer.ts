/**
 * Model Employer-style targets and trajectories: Mirror's reading of "A Model Employer" (NHS England, 2019), which
 * asks each organisation to set its own goal for ethnic minority representation at senior levels and a yearly
 * trajectory to reach it. The published method could not be verified in full (docs/methodology.md, "Targets and
 * trajectories"), so everything here is labelled Model Employer-style and Unverified. The same method serves any
 * focus group (`TargetGroup`): ethnic minority staff for WRES, and, by analogy, Disabled staff for WDES, whose goal is
 * likewise the organisation's own overall share. Below, "ethnic minority" stands for the focus group.
 *
 * For each Agenda for Change band from 8a upwards and VSM (clinical and non-clinical staff together; medical grades
 * are a different ladder and are left out):
 *
 *   goal        = the ethnic minority share of the whole workforce in the baseline year, or a chosen local share
 *   trajectory  = a straight line from the band's baseline share to the goal, reached in the horizon year
 *   heads       = ⌈share × current band headcount − current ethnic minority headcount⌉, never below 0
 *   actual      = each year's share, with a Wilson 95% interval; on track when actual ≥ trajectory
 *
 * Shares are percentages 0–100 over everyone in the band, unknown ethnicity included, as indicator 1 reports them.
 * Pure: no input or output.
 */
import type { Interval } from '../stats/normal.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import type { Cluster } from '../workforce/staff-group.ts';

/**
 * The group whose senior representation is followed, and its words: its key is the name its counts are kept under
 * in the results ("ethnicMinority", "disabled"), as everywhere else in Mirror.
 */
export interface TargetGroup<F extends string> {
  readonly key: F;
  /** Before a noun: "ethnic minority", "Disabled". */
  readonly adjective: string;
  /** Completes "12.0% of staff in Band 8a (12 of 100) …": "are from ethnic minority groups", "are Disabled". */
  readonly membership: string;
  /** Notes the results always carry for this group, after the method's own. */
  readonly notes: readonly string[];
}

export const WRES_TARGET_GROUP: TargetGroup<'ethnicMinority'> = {
  key: 'ethnicMinority',
  adjective: 'ethnic minority',
  membership: 'are from ethnic minority groups',
  notes: [],
};

/** One year's headcounts for targets, for any focus group: everyone, and the focus group, overall and per band row. */
export interface BandShareYear {
  readonly year: number;
  readonly overall: { readonly total: number; readonly focus: number };
  readonly rows: readonly { readonly cluster: Cluster; readonly row: string; readonly total: number; readonly focus: number }[];
}

export const SENIOR_BANDS = ['Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM'] as const;
export type SeniorBand = (typeof SENIOR_BANDS)[number];

/** The default distance from baseline to horizon, as in the 2019 ten-year ambition. */
export const DEFAULT_HORIZON_YEARS = 10;

/** Points an SPC chart needs for an assurance reading (Making Data Count's guidance; see "Statistical process control"). */
export const SPC_MINIMUM_POINTS = 12;

/** A year's counts: the shape of a WRES report's indicator 1, of which only these fields are used. */
export interface TargetYearInput {
  readonly year: number;
  readonly indicators: {
    readonly '1': {
      readonly overall: { readonly total: number; readonly ethnicMinority: { readonly count: number } };
      readonly rows: readonly {
        readonly cluster: Cluster;
        readonly row: string;
        readonly total: number;
        readonly ethnicMinority: { readonly count: number };
      }[];
    };
  };
}

export interface TargetOptions {
  /** A local population's ethnic minority share, 0–100, used as the goal instead of the workforce's. */
  readonly goalPct?: number | null;
  /** Defaults to the first year given. Must be one of the years given. */
  readonly baselineYear?: number | null;
  /** Defaults to baseline + 10. Must be after the baseline. */
  readonly horizonYear?: number | null;
}

/** The focus group's headcount, under its key ("ethnicMinority", "disabled"), and everyone's. */
export type BandHeadcount<F extends string = 'ethnicMinority'> = { readonly [K in F]: number } & {
  /** Everyone in the band, unknown ethnicity (or undeclared disability) included. */
  readonly total: number;
};

export type ActualShare<F extends string = 'ethnicMinority'> = BandHeadcount<F> & {
  /** 0–100; null when the band has nobody in it. */
  readonly pct: number | null;
  /** Wilson 95% interval in percent; null when the band has nobody in it. */
  readonly ci95: Interval | null;
};

/**
 * - `at-or-above-goal`: the band's share already meets the goal.
 * - `on-track`: at or above this year's trajectory point.
 * - `behind`: below it.
 * - `no-staff`: nobody in the band this year.
 */
export type TrajectoryStatus = 'at-or-above-goal' | 'on-track' | 'behind' | 'no-staff';

export const STATUS_LABELS: Readonly<Record<TrajectoryStatus, string>> = {
  'at-or-above-goal': 'At or above goal',
  'on-track': 'On track',
  behind: 'Behind',
  'no-staff': 'Nobody in the band',
};

export interface YearReading<F extends string = 'ethnicMinority'> {
  readonly year: number;
  readonly trajectoryPct: number;
  readonly actual: ActualShare<F>;
  readonly status: TrajectoryStatus;
  /** The actual's interval reaches the trajectory point: behind, but not clearly so. */
  readonly intervalReachesTrajectory: boolean | null;
  /** More ethnic minority staff that year's band would have needed to be on the trajectory point. */
  readonly headsNeeded: number;
}

export interface BandTarget<F extends string = 'ethnicMinority'> {
  readonly band: SeniorBand;
  readonly baseline: ActualShare<F> & { readonly year: number };
  readonly goalPct: number;
  /** Every year from baseline to horizon, with its trajectory point. */
  readonly trajectory: readonly { readonly year: number; readonly pct: number }[];
  /** Each year given, from the baseline on. */
  readonly years: readonly YearReading<F>[];
  /** The latest year given. */
  readonly current: YearReading<F>;
  /** More ethnic minority staff needed in the band, at today's headcount, to meet the goal. */
  readonly headsNeededAtHorizon: number;
  /** More ethnic minority staff needed in the band, at today's headcount, to be on this year's trajectory point. */
  readonly headsNeededThisYear: number;
  readonly statement: string;
}

export interface ModelEmployerTargets<F extends string = 'ethnicMinority'> {
  readonly method: 'Model Employer-style (Mirror\'s reading, Unverified)';
  readonly baselineYear: number;
  readonly horizonYear: number;
  readonly currentYear: number;
  readonly goal: { readonly pct: number; readonly source: 'workforce' | 'local-population'; readonly workforce: ActualShare<F> };
  readonly bands: readonly BandTarget<F>[];
  readonly assurance: { readonly available: false; readonly points: number; readonly reason: string };
  readonly notes: readonly string[];
}

export type TargetsResult<F extends string = 'ethnicMinority'> = { readonly ok: true; readonly value: ModelEmployerTargets<F> } | { readonly ok: false; readonly reason: string };

/**
 * Step 1. Each senior band's headcount, clinical and non-clinical rows added together (medical rows left out).
 * Example: Band 8a non-clinical 40 staff of whom 6 ethnic minority, clinical 60 of whom 9 → Band 8a 100, 15.
 */
export function seniorBandHeadcounts(rows: TargetYearInput['indicators']['1']['rows']): Readonly<Record<SeniorBand, BandHeadcount>> {
  return seniorBandCounts(WRES_TARGET_GROUP, rows.map((r) => ({ cluster: r.cluster, row: r.row, total: r.total, focus: r.ethnicMinority.count })));
}

/** Step 1 for any focus group, from rows with everyone's and the focus group's headcounts. */
export function seniorBandCounts<F extends string>(group: TargetGroup<F>, rows: BandShareYear['rows']): Readonly<Record<SeniorBand, BandHeadcount<F>>> {
  const out = Object.fromEntries(SENIOR_BANDS.map((b) => [b, { focus: 0, total: 0 }])) as Record<SeniorBand, { focus: number; total: number }>;
  for (const row of rows) {
    if (row.cluster === 'medical' || !(SENIOR_BANDS as readonly string[]).includes(row.row)) continue;
    const band = out[row.row as SeniorBand];
    band.focus += row.focus;
    band.total += row.total;
  }
  return Object.fromEntries(SENIOR_BANDS.map((b) => [b, headcount(group, out[b].focus, out[b].total)])) as Record<SeniorBand, BandHeadcount<F>>;
}

function headcount<F extends string>(group: TargetGroup<F>, focus: number, total: number): BandHeadcount<F> {
  return { [group.key]: focus, total } as BandHeadcount<F>;
}

/**
 * Step 2. The share with its Wilson 95% interval, both in percent.
 * Example: 15 of 100 → 15.0%, interval 9.3% to 23.3%. Nobody in the band → null, null.
 */
export function actualShare(ethnicMinority: number, total: number): ActualShare {
  return shareOf(WRES_TARGET_GROUP, ethnicMinority, total);
}

/** Step 2 for any focus group. */
export function shareOf<F extends string>(group: TargetGroup<F>, focus: number, total: number): ActualShare<F> {
  const ci = wilsonInterval(focus, total);
  return { [group.key]: focus, total, pct: total > 0 ? (100 * focus) / total : null, ci95: ci ? [100 * ci[0], 100 * ci[1]] : null } as ActualShare<F>;
}

/**
 * Step 3. The goal: a chosen local population share when given, otherwise the ethnic minority share of the whole
 * workforce (everyone, medical staff and unknown ethnicity included) in the baseline year.
 * Example: 2,000 ethnic minority staff in a workforce of 10,000 → 20%; with a local share of 35 given → 35%.
 */
export function goalShare(workforce: BandHeadcount, localPopulationPct?: number | null): { pct: number; source: 'workforce' | 'local-population' } | null {
  return goalShareOf(workforce.ethnicMinority, workforce.total, localPopulationPct);
}

/** Step 3 for any focus group: its share of the whole workforce, or a chosen local share. */
export function goalShareOf(focus: number, total: number, localPopulationPct?: number | null): { pct: number; source: 'workforce' | 'local-population' } | null {
  if (localPopulationPct !== undefined && localPopulationPct !== null) return { pct: localPopulationPct, source: 'local-population' };
  if (total <= 0) return null;
  return { pct: (100 * focus) / total, source: 'workforce' };
}

/**
 * Step 4. The trajectory point for a year: a straight line from the baseline share to the goal, closing the gap in
 * equal yearly steps, held at the baseline before the baseline year and at the goal from the horizon on.
 *   traj(year) = base + (goal − base) × (year − baseYear) ÷ (horizon − baseYear)
 * Example: baseline 10% in 2020, goal 20% by 2030 → 2021: 11%, 2025: 15%, 2030: 20%.
 * A band already at or above the goal keeps the goal as its trajectory (its share is not asked to fall), and a band
 * with nobody in it at baseline has the goal throughout (there is no share to start from).
 */
export function trajectoryPct(basePct: number | null, goalPct: number, baseYear: number, horizonYear: number, year: number): number {
  if (basePct === null || basePct >= goalPct) return goalPct;
  if (year <= baseYear) return basePct;
  if (year >= horizonYear) return goalPct;
  return basePct + ((goalPct - basePct) * (year - baseYear)) / (horizonYear - baseYear);
}

/**
 * Step 5. More ethnic minority staff needed for a band of today's size to reach a share:
 *   ⌈share ÷ 100 × headcount − ethnic minority headcount⌉, never below 0.
 * Example: goal 20%, 103 staff of whom 10 ethnic minority → 20.6 − 10 = 10.6 → 11. Already 25 of 100 → 0.
 * A hair of rounding error (below one in a million) is not counted as a person: 20% of 100 − 20 is 0, not 1.
 */
export function headsNeeded(sharePct: number, headcount: number, ethnicMinority: number): number {
  const gap = (sharePct * headcount) / 100 - ethnicMinority;
  return Math.max(0, Math.ceil(gap - 1e-6));
}

/**
 * Step 6. On or behind the trajectory for one year, by the point estimate; whether the actual's 95% interval reaches
 * the trajectory point says whether "behind" could be chance alone.
 * Example: goal 20%, trajectory 15%, actual 12% (interval 7% to 20%) → behind, interval reaches the trajectory.
 */
export function trajectoryStatus(actual: Pick<ActualShare<string>, 'pct' | 'ci95'>, trajectory: number, goalPct: number): { status: TrajectoryStatus; intervalReachesTrajectory: boolean | null } {
  if (actual.pct === null) return { status: 'no-staff', intervalReachesTrajectory: null };
  const reaches = actual.ci95 ? actual.ci95[1] >= trajectory : null;
  if (actual.pct >= goalPct) return { status: 'at-or-above-goal', intervalReachesTrajectory: reaches };
  return { status: actual.pct >= trajectory ? 'on-track' : 'behind', intervalReachesTrajectory: reaches };
}

/**
 * Step 7. Whether a statistical process control (SPC) assurance reading can be given: it needs at least 12 points,
 * and a yearly series will not have them for many years.
 * Example: 2 years → not available, "there are only 2 yearly points…".
 */
export function spcAssurance(points: number): ModelEmployerTargets['assurance'] {
  return {
    available: false,
    points,
    reason: points < SPC_MINIMUM_POINTS
      ? `There ${points === 1 ? 'is only 1 yearly point' : `are only ${points} yearly points`}; a statistical process control assurance reading needs at least ${SPC_MINIMUM_POINTS}, so none is given. Read each year's interval instead.`
      : 'Mirror does not yet give a statistical process control assurance reading for targets; read each year\'s interval instead.',
  };
}

function pct1(n: number): string {
  return `${n.toFixed(1)}%`;
}

function people(group: TargetGroup<string>, n: number): string {
  return `${n.toLocaleString('en-GB')} more ${group.adjective} ${n === 1 ? 'member' : 'members'} of staff`;
}

/** Step 8. One plain-language sentence for a band. */
export function bandStatement(band: Omit<BandTarget, 'statement'>, horizonYear: number): string {
  return bandStatementOf(WRES_TARGET_GROUP, band, horizonYear);
}

/** Step 8 for any focus group. */
export function bandStatementOf<F extends string>(group: TargetGroup<F>, band: Omit<BandTarget<F>, 'statement'>, horizonYear: number): string {
  const c = band.current;
  const a = c.actual;
  if (a.pct === null) return `${band.band} has nobody in it in ${c.year}, so there is nothing to measure against the goal of ${pct1(band.goalPct)}.`;
  const focus = (a as Readonly<Record<string, number>>)[group.key] ?? 0;
  const share = `In ${c.year}, ${pct1(a.pct)} of staff in ${band.band} (${focus.toLocaleString('en-GB')} of ${a.total.toLocaleString('en-GB')}) ${group.membership}`;
  switch (c.status) {
    case 'at-or-above-goal':
      return `${share}, at or above the goal of ${pct1(band.goalPct)}.`;
    case 'on-track':
      return `${share}, compared with ${pct1(c.trajectoryPct)} on the trajectory: on track. At today's size the band needs ${people(group, band.headsNeededAtHorizon)} to reach the goal of ${pct1(band.goalPct)} by ${horizonYear}.`;
    default: {
      const chance = c.intervalReachesTrajectory ? ' The gap is within what chance alone could give.' : '';
      return `${share}, compared with ${pct1(c.trajectoryPct)} on the trajectory: behind. It would take ${people(group, band.headsNeededThisYear)} to be on the trajectory this year, and ${people(group, band.headsNeededAtHorizon)} to reach the goal of ${pct1(band.goalPct)} by ${horizonYear}.${chance}`;
    }
  }
}

/**
 * Every step together, for a list of years oldest first (WRES reports fit). Example: see model-employer.test.ts,
 * "two years by hand".
 */
export function modelEmployerTargets(years: readonly TargetYearInput[], options: TargetOptions = {}): TargetsResult {
  return modelEmployerTargetsFor(WRES_TARGET_GROUP, years.map((y) => ({
    year: y.year,
    overall: { total: y.indicators['1'].overall.total, focus: y.indicators['1'].overall.ethnicMinority.count },
    rows: y.indicators['1'].rows.map((r) => ({ cluster: r.cluster, row: r.row, total: r.total, focus: r.ethnicMinority.count })),
  })), options);
}

/** Every step together for any focus group (WDES: Disabled staff, with the goal their share of the whole workforce). */
export function modelEmployerTargetsFor<F extends string>(group: TargetGroup<F>, years: readonly BandShareYear[], options: TargetOptions = {}): TargetsResult<F> {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return { ok: false, reason: 'There are no years to set targets from.' };
  const goalOption = options.goalPct ?? null;
  if (goalOption !== null && (!Number.isFinite(goalOption) || goalOption <= 0 || goalOption > 100)) {
    return { ok: false, reason: 'The goal must be a percentage above 0 and no more than 100.' };
  }
  const baselineYear = options.baselineYear ?? first.year;
  const baseline = sorted.find((y) => y.year === baselineYear);
  if (!baseline) return { ok: false, reason: `The baseline year ${baselineYear} is not one of the years given (${sorted.map((y) => y.year).join(', ')}).` };
  const horizonYear = options.horizonYear ?? baselineYear + DEFAULT_HORIZON_YEARS;
  if (!Number.isInteger(horizonYear) || horizonYear <= baselineYear) return { ok: false, reason: `The horizon year must be after the baseline year ${baselineYear}.` };

  const workforce = shareOf(group, baseline.overall.focus, baseline.overall.total);
  const goal = goalShareOf(baseline.overall.focus, baseline.overall.total, goalOption);
  if (!goal) return { ok: false, reason: `There are no staff in the baseline year ${baselineYear}, so there is no workforce share to set a goal from.` };

  const focusOf = (h: BandHeadcount<F>): number => (h as Readonly<Record<string, number>>)[group.key] ?? 0;
  const from = sorted.filter((y) => y.year >= baselineYear);
  const headcounts = new Map(from.map((y) => [y.year, seniorBandCounts(group, y.rows)]));
  const bands = SENIOR_BANDS.map((band): BandTarget<F> => {
    const base = headcounts.get(baselineYear)![band];
    const baseShare = shareOf(group, focusOf(base), base.total);
    const line = (year: number) => trajectoryPct(baseShare.pct, goal.pct, baselineYear, horizonYear, year);
    const readings = from.map((y): YearReading<F> => {
      const h = headcounts.get(y.year)![band];
      const actual = shareOf(group, focusOf(h), h.total);
      const point = line(y.year);
      return { year: y.year, trajectoryPct: point, actual, ...trajectoryStatus(actual, point, goal.pct), headsNeeded: headsNeeded(point, h.total, focusOf(h)) };
    });
    const current = readings[readings.length - 1]!;
    const partial = {
      band,
      baseline: { year: baselineYear, ...baseShare },
      goalPct: goal.pct,
      trajectory: Array.from({ length: horizonYear - baselineYear + 1 }, (_, i) => ({ year: baselineYear + i, pct: line(baselineYear + i) })),
      years: readings,
      current,
      headsNeededAtHorizon: headsNeeded(goal.pct, current.actual.total, focusOf(current.actual)),
      headsNeededThisYear: current.headsNeeded,
    };
    return { ...partial, statement: bandStatementOf(group, partial, horizonYear) };
  });

  const notes = [
    'Model Employer-style: Mirror\'s reading of the Model Employer approach, not verified against the published tool.',
    goal.source === 'workforce'
      ? `The goal is the ${group.adjective} share of the whole workforce in ${baselineYear} (${pct1(goal.pct)}).`
      : `The goal is a local population share chosen by the user (${pct1(goal.pct)}).`,
    'Heads needed are at today\'s band size; they do not allow for the band growing or shrinking.',
    ...group.notes,
  ];
  if (last.year > horizonYear) notes.push(`The latest year (${last.year}) is after the horizon (${horizonYear}); the trajectory is held at the goal.`);
  return {
    ok: true,
    value: {
      method: 'Model Employer-style (Mirror\'s reading, Unverified)',
      baselineYear,
      horizonYear,
      currentYear: last.year,
      goal: { ...goal, workforce },
      bands,
      assurance: spcAssurance(from.length),
      notes,
    },
  };
}
