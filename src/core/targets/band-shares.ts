/**
 * Targets for any focus group from the workforce counts each standard keeps per recorded category (WRES per ethnic
 * code, WDES per disability answer): everyone in each band row, and the focus group among them. WDES's targets
 * follow Disabled staff in the senior bands with the same Model Employer-style method as WRES (model-employer.ts),
 * the goal being the organisation's own overall Disabled share. Pure: no input or output.
 */
import type { WorkforceCounts } from '../counting/people-and-events.ts';
import type { ComparedGroups } from '../indicators/compared-groups.ts';
import type { BandShareYear, TargetGroup } from './model-employer.ts';

export const WDES_TARGET_GROUP: TargetGroup<'disabled'> = {
  key: 'disabled',
  adjective: 'Disabled',
  membership: 'are Disabled',
  notes: [
    'For Disabled staff Mirror applies the same method by analogy: NHS England has published no Model Employer goal for disability, so the goal is the organisation’s own overall Disabled share, as it is for ethnic minority staff.',
    'Shares count everyone in the band, including staff who have not said whether they are Disabled, as WDES metric 1 does: a band’s share rises when more of its staff declare a disability, as well as when more Disabled staff join it.',
  ],
};

function split<C extends string>(groups: ComparedGroups<C>, headcounts: Readonly<Record<string, number>>): { total: number; focus: number } {
  let total = 0;
  let focus = 0;
  for (const [category, n] of Object.entries(headcounts)) {
    total += n;
    if (groups.groupOf(category) === groups.focus) focus += n;
  }
  return { total, focus };
}

/** One year's headcounts for targets: everyone (unknown included) and the focus group, overall and per band row. */
export function bandShareYearOf<C extends string>(groups: ComparedGroups<C>, year: number, workforce: WorkforceCounts): BandShareYear {
  return {
    year,
    overall: split(groups, workforce.overall),
    rows: workforce.rows.map((r) => ({ cluster: r.cluster, row: r.row, ...split(groups, r.headcounts) })),
  };
}
