/**
 * The medical workforce: WRES indicators 1 to 4 for medical and dental staff alone, the ethnic minority share of
 * medical and clinical directors set against consultants (where leaders are drawn from), and appointment from
 * shortlisting to consultant posts. Everything comes from the same files and the same engine: the dataset is
 * narrowed to medical and dental staff and their applications, then counted exactly as WRES counts it.
 */
import { WRES_ETHNICITY } from '../ethnicity/wres-characteristic.ts';
import { representation, type GroupShare, type Headcounts } from '../indicators/evaluate-representation.ts';
import { evaluateRatioHeadline, type RatioHeadline } from '../indicators/evaluate-ratio.ts';
import type { Result } from '../problem.ts';
import type { WorkforceDataset } from '../records.ts';
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { Interval } from '../stats/normal.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import type { WresGroup } from '../ethnicity/classifications.ts';
import { countDataset } from '../counting/stream-count.ts';
import { sumByGroup, type CategoryCounts } from '../indicators/characteristic.ts';
import type { RatioCounts } from '../wres/count.ts';
import { WRES_2 } from '../wres/definitions.ts';
import { buildWresReport, type Unavailable, type WresReport } from '../wres/report.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';
import { type LeadershipRole, MedicalCounter, type MedicalCounts } from './count.ts';

export type { LeadershipRole, MedicalCounts } from './count.ts';

export interface LeadershipShare {
  readonly role: LeadershipRole;
  readonly label: string;
  readonly total: number;
  readonly ethnicMinority: GroupShare;
  readonly white: GroupShare;
  readonly unknown: GroupShare;
  /** Wilson interval for the ethnic minority percentage, in points. */
  readonly ci95: Interval | null;
  readonly smallNumbers: boolean;
  /** True when the group is small enough to identify someone: its counts and shares are then withheld (null). */
  readonly withheld: boolean;
}

export interface MedicalReport {
  readonly standard: 'WRES medical workforce';
  readonly year: number;
  /** WRES indicators 1 to 4 for medical and dental staff alone. */
  readonly indicators: Pick<WresReport['indicators'], '1' | '2' | '3' | '4'>;
  /** Medical directors and clinical directors against consultants; null when staff.csv has no medical_leadership column values. */
  readonly leadership: readonly LeadershipShare[] | null;
  /** White ÷ ethnic minority appointment from shortlisting to consultant posts; null without applications. */
  readonly consultantAppointment: (RatioHeadline<WresGroup> & { readonly available: true }) | { readonly available: false; readonly reason: string };
  readonly notes: readonly string[];
}

const LEADERSHIP_LABELS: Readonly<Record<LeadershipShare['role'], string>> = {
  medicalDirector: 'Medical directors (including deputies and associates)',
  clinicalDirector: 'Clinical directors',
  consultant: 'Consultants (for comparison)',
};

const WITHHELD_SHARE: GroupShare = { count: 0, pct: null };

/**
 * The medical workforce's counts: its streaming counter (count.ts) fed from the dataset's arrays, so a stored
 * import and a folder counted as it is read count alike.
 */
export function countMedical(dataset: WorkforceDataset, period: ReportingPeriod): Result<MedicalCounts> {
  return countDataset(dataset, new MedicalCounter(period));
}

/**
 * A handful of medical directors is a handful of named people: when any group's count is 1 to the minimum cell
 * size less one, the whole row is withheld unless the caller asked for unsuppressed figures. Consultants are the
 * exception: their row is indicator 1's consultant row, which is published whatever its size (as every indicator 1
 * row is), so withholding it here would hide nothing.
 */
function leadershipShare(role: LeadershipShare['role'], headcounts: Headcounts, policy: DisclosurePolicy, suppress: boolean): LeadershipShare {
  const shares = representation(headcounts, WRES_ETHNICITY);
  const { white, ethnicMinority, unknown } = shares.groups;
  // The ethnic minority count is shown against everyone else; the White and unknown split is kept only unsuppressed.
  const withheld = suppress && role !== 'consultant' && [shares.total, ethnicMinority.count, shares.total - ethnicMinority.count].some((n) => isDisclosive(n, policy));
  const ci = wilsonInterval(ethnicMinority.count, shares.total);
  return {
    role, label: LEADERSHIP_LABELS[role], total: withheld ? 0 : shares.total,
    ethnicMinority: withheld ? WITHHELD_SHARE : ethnicMinority,
    white: suppress ? WITHHELD_SHARE : white, unknown: suppress ? WITHHELD_SHARE : unknown,
    ci95: withheld || !ci ? null : [ci[0] * 100, ci[1] * 100],
    smallNumbers: shares.total < policy.smallNumberEvents,
    withheld,
  };
}

/**
 * Why a headline of the medical report is withheld. Medical and dental staff are one staff group of the
 * organisation, so their headline is a breakdown row of the organisation's own report (withheld there when small)
 * and gets the same primary suppression; every breakdown of it would otherwise give it away too.
 */
function withheldHeadline(counts: CategoryCounts, policy: DisclosurePolicy): string | null {
  const { white, ethnicMinority } = sumByGroup(counts, WRES_ETHNICITY);
  const cells = [white, ethnicMinority].flatMap((c) => [c.population, c.events, c.population - c.events]);
  return cells.some((n) => isDisclosive(n, policy))
    ? `its figures are withheld, because they rest on fewer than ${policy.minimumCellSize} people in a cell, who could be identified (medical and dental staff are one staff group of the organisation, so these are a breakdown of its figures)`
    : null;
}

function protectedIndicator<I extends { readonly available: boolean; readonly id: string; readonly title: string; readonly returnLabel: string }>(
  indicator: I, counts: RatioCounts | null, options: { policy: DisclosurePolicy; suppressBreakdowns: boolean },
): I | Unavailable {
  const reason = options.suppressBreakdowns && indicator.available && counts ? withheldHeadline(counts.overall, options.policy) : null;
  return reason ? { id: indicator.id, title: indicator.title, returnLabel: indicator.returnLabel, available: false, reason } : indicator;
}

/** The medical report from its counts: what the store keeps at import, or what countMedical has just made. */
export function buildMedicalReportFromCounts(counts: MedicalCounts, options: { policy: DisclosurePolicy; suppressBreakdowns: boolean }): MedicalReport {
  const { indicators } = buildWresReport(counts.wres, { policy: options.policy, suppressBreakdowns: options.suppressBreakdowns });
  const leadership = counts.leadership === null ? null
    : (['medicalDirector', 'clinicalDirector', 'consultant'] as const).map((role) => leadershipShare(role, counts.leadership![role], options.policy, options.suppressBreakdowns));
  const appointment = counts.consultantAppointment;
  const appointmentWithheld = appointment.available && options.suppressBreakdowns ? withheldHeadline(appointment.counts, options.policy) : null;
  return {
    standard: 'WRES medical workforce',
    year: counts.wres.period.year,
    indicators: {
      '1': indicators['1'],
      '2': protectedIndicator(indicators['2'], counts.wres.appointment, options),
      '3': protectedIndicator(indicators['3'], counts.wres.disciplinary, options),
      '4': protectedIndicator(indicators['4'], counts.wres.training, options),
    },
    leadership,
    consultantAppointment: !appointment.available ? { available: false as const, reason: appointment.reason }
      : appointmentWithheld ? { available: false as const, reason: appointmentWithheld }
      : { available: true as const, ...evaluateRatioHeadline(WRES_2, appointment.counts, WRES_ETHNICITY, options.policy) },
    notes: [
      'Medical and dental staff are those in the staff group "Medical and Dental"; applications count when their staff_group is "Medical and Dental".',
      ...counts.wres.notes,
    ],
  };
}

/** Count, then report: the command line's way, from records. */
export function buildMedicalReport(
  dataset: WorkforceDataset,
  period: ReportingPeriod,
  options: { policy: DisclosurePolicy; suppressBreakdowns: boolean },
): Result<MedicalReport> {
  const counted = countMedical(dataset, period);
  if (!counted.ok) return counted;
  return { ok: true, value: buildMedicalReportFromCounts(counted.value, options) };
}
