/**
 * The success metrics of the six high-impact actions of NHS England's EDI Improvement Plan (June 2023), numbered as
 * published (docs/methodology.md, "High-impact actions"; the list as an integrated care system that adopted them
 * sets it out: https://syics.co.uk/about/equality-and-diversity/nhs-equality-diversity-and-inclusion). Each metric
 * says which of the standards' figures Mirror fills it in from (`computed`); the others are entered by an analyst
 * with their source and year (and any metric may also be given an entered figure, such as the Staff Survey's
 * all-staff score beside Mirror's figures by group). The NHS Staff Survey question numbers for the survey metrics are
 * not stated in the sources read. Pure: no input or output.
 */
import { HIGH_IMPACT_ACTIONS, type HighImpactAction, type HighImpactActionId } from '../act/high-impact-actions.ts';

export type FigureStandard = 'wres' | 'wdes';

/** Where a computed figure comes from. */
export type MetricSource =
  /** An indicator's headline figure, exactly as the standard's report gives it. */
  | { readonly kind: 'indicator'; readonly standard: FigureStandard; readonly indicator: string }
  /** The focus group's share of Band 8c and above (8c, 8d, 9 and VSM; medical grades left out), from indicator/metric 1. */
  | { readonly kind: 'seniorShare'; readonly standard: FigureStandard }
  /** The focus group's share of shortlisted applicants, from indicator/metric 2's counts. */
  | { readonly kind: 'shortlistedShare'; readonly standard: FigureStandard }
  /** The pay gap's headline comparison, from the pay gap report. */
  | { readonly kind: 'payGap'; readonly characteristic: 'gender' | 'ethnicity' | 'disability' };

export interface SuccessMetric {
  /** As published: "2a". */
  readonly id: string;
  readonly action: HighImpactActionId;
  readonly text: string;
  /** The figures Mirror fills the metric in from; empty when it can only be entered. */
  readonly computed: readonly MetricSource[];
}

const metric = (id: string, text: string, computed: readonly MetricSource[] = []): SuccessMetric =>
  ({ id, action: id.charAt(0) as HighImpactActionId, text, computed });

export const SUCCESS_METRICS: readonly SuccessMetric[] = [
  metric('1a', 'Annual chair and chief executive appraisals on equality, diversity and inclusion objectives, through the Board Assurance Framework'),
  metric('2a', 'Relative likelihood of staff being appointed from shortlisting across all posts', [
    { kind: 'indicator', standard: 'wres', indicator: '2' }, { kind: 'indicator', standard: 'wdes', indicator: '2' },
  ]),
  metric('2b', 'NHS Staff Survey question on access to career progression and training and development opportunities'),
  metric('2c', 'Improvement in race and disability representation, leading to parity', [
    { kind: 'indicator', standard: 'wres', indicator: '1' }, { kind: 'indicator', standard: 'wdes', indicator: '1' },
  ]),
  metric('2d', 'Improvement in representation in senior leadership (Band 8c and above), leading to parity', [
    { kind: 'seniorShare', standard: 'wres' }, { kind: 'seniorShare', standard: 'wdes' },
  ]),
  metric('2e', 'Diversity in shortlisted candidates', [{ kind: 'shortlistedShare', standard: 'wres' }, { kind: 'shortlistedShare', standard: 'wdes' }]),
  metric('2f', 'National Education and Training Survey combined indicator score on the quality of training'),
  metric('3a', 'Improvement in gender, race and disability pay gaps', [
    { kind: 'payGap', characteristic: 'gender' }, { kind: 'payGap', characteristic: 'ethnicity' }, { kind: 'payGap', characteristic: 'disability' },
  ]),
  metric('4a', 'NHS Staff Survey question on the organisation taking positive action on health and wellbeing'),
  metric('4b', 'National Education and Training Survey combined indicator score'),
  metric('4c', 'A metric to be developed in the plan\'s second year'),
  metric('5a', 'NHS Staff Survey question on belonging, for internationally recruited staff'),
  metric('5b', 'NHS Staff Survey question on bullying, harassment and abuse from the team or line manager, for internationally recruited staff'),
  metric('5c', 'National Education and Training Survey combined indicator score, for internationally recruited staff'),
  metric('6a', 'NHS Staff Survey: bullying, harassment and abuse from line managers and teams', [
    { kind: 'indicator', standard: 'wres', indicator: '6' }, { kind: 'indicator', standard: 'wdes', indicator: '4a_managers' },
    { kind: 'indicator', standard: 'wdes', indicator: '4a_colleagues' },
  ]),
  metric('6b', 'NHS Staff Survey: discrimination from line managers and teams', [{ kind: 'indicator', standard: 'wres', indicator: '8' }]),
  metric('6c', 'National Education and Training Survey bullying and harassment score'),
];

export function successMetric(id: string): SuccessMetric | null {
  return SUCCESS_METRICS.find((m) => m.id === id) ?? null;
}

export interface ActionWithMetrics {
  readonly action: HighImpactAction;
  readonly metrics: readonly SuccessMetric[];
}

/** The six actions in order, each with its metrics. */
export function actionsWithMetrics(): readonly ActionWithMetrics[] {
  return HIGH_IMPACT_ACTIONS.map((action) => ({ action, metrics: SUCCESS_METRICS.filter((m) => m.action === action.id) }));
}
