/**
 * The six high-impact actions of the NHS Equality, Diversity and Inclusion Improvement Plan (NHS England, June
 * 2023), as data: an objective names the one it serves. The wording follows the plan's own summary of each action
 * (https://www.england.nhs.uk/long-read/nhs-equality-diversity-and-inclusion-improvement-plan-actions/).
 */
export type HighImpactActionId = '1' | '2' | '3' | '4' | '5' | '6';

export interface HighImpactAction {
  readonly id: HighImpactActionId;
  readonly title: string;
}

export const HIGH_IMPACT_ACTIONS: readonly HighImpactAction[] = [
  { id: '1', title: 'Measurable objectives on equality, diversity and inclusion for chairs, chief executives and board members' },
  { id: '2', title: 'Fair and inclusive recruitment and talent management that address under-representation' },
  { id: '3', title: 'Plans to close pay gaps, including Mend the Gap for medical staff and flexible working' },
  { id: '4', title: 'A plan to tackle health inequalities within the workforce' },
  { id: '5', title: 'Induction, onboarding and development for internationally recruited staff' },
  { id: '6', title: 'Eliminating the conditions for bullying, discrimination, harassment and physical violence at work' },
];

export function highImpactAction(id: string): HighImpactAction | null {
  return HIGH_IMPACT_ACTIONS.find((a) => a.id === id) ?? null;
}
