/** Making Data Count SPC (XmR) charts, as NHSRplotthedots 0.2.2 computes them. */
export { spc, checkSpcOptions } from './spc.ts';
export type { SpcInputPoint, SpcOptions, SpcPoint, SpcResult, SpcWarning, SpcWarningCode } from './spc.ts';
export type { ImprovementDirection, PointType } from './point-type.ts';
export type { Assurance, VariationIcon } from './icons.ts';
export type { SpecialCauseType } from './special-cause.ts';
export { PLOT_THE_DOTS_RULES, type RuleSettings } from './rules/settings.ts';
export { SHORT_PHASE_THRESHOLD } from './phases.ts';
