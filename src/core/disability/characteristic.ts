/**
 * Disability as WDES compares it: Disabled staff against non-disabled staff, with unknown (blank, "Not declared",
 * "Prefer not to say") reported but left out of every ratio, and kept apart from "no". NHS England capitalises
 * "Disabled" and writes "non-disabled".
 */
import type { Characteristic } from '../indicators/characteristic.ts';
import { comparedGroupsOf, type ComparedGroups } from '../indicators/compared-groups.ts';
import type { DisabilityStatus } from '../records.ts';

export const DISABILITY_GROUPS = ['disabled', 'nonDisabled', 'unknown'] as const;
export type DisabilityGroup = (typeof DISABILITY_GROUPS)[number];

/** Categories a disability count is kept under: the recorded answers. */
export const DISABILITY_CATEGORIES: readonly DisabilityStatus[] = ['yes', 'no', 'notDeclared', 'missing'];

export function disabilityGroup(status: string): DisabilityGroup {
  if (status === 'yes') return 'disabled';
  if (status === 'no') return 'nonDisabled';
  return 'unknown';
}

const ADJECTIVES: Readonly<Record<DisabilityGroup, string>> = {
  disabled: 'Disabled',
  nonDisabled: 'non-disabled',
  unknown: 'undeclared disability status',
};

export const WDES_DISABILITY: Characteristic<DisabilityGroup> = {
  id: 'disability',
  groups: DISABILITY_GROUPS,
  referenceGroup: 'nonDisabled',
  unknownGroup: 'unknown',
  groupOf: disabilityGroup,
  adjective: (group) => ADJECTIVES[group],
  specificSets: [],
  aggregatedSets: [],
};

/** What the analyses over time, peers and bands compare for WDES: Disabled staff against non-disabled staff. */
export const WDES_COMPARED: ComparedGroups<WdesCompared> = comparedGroupsOf(
  WDES_DISABILITY, 'WDES', { focus: 'disabled', reference: 'nonDisabled' },
  'Disabled means the person answered yes to the disability question and non-disabled that they answered no; not declared, prefer not to say and blank are left out.',
);

/** The two groups WDES compares. */
export type WdesCompared = 'disabled' | 'nonDisabled';
