/**
 * The ten WDES metrics, declared for the same engine as WRES. Directions follow NHS England's WDES metrics
 * (docs/methodology.md): metric 2 is non-disabled rate ÷ Disabled rate, metric 3 is Disabled rate ÷ non-disabled rate,
 * so for both a value above 1 means Disabled staff fare worse.
 */
import type { DisabilityGroup } from '../disability/characteristic.ts';
import type { ProportionDefinition, RatioDefinition, RepresentationDefinition, RepresentationGapDefinition } from '../indicators/definition.ts';
import type { WdesSurveyMetric } from '../records.ts';

const STANDARD = 'WDES';

export const WDES_1: RepresentationDefinition<DisabilityGroup> = {
  standard: STANDARD,
  id: '1',
  kind: 'representation',
  title: 'Disabled staff in each pay band cluster compared with the overall workforce',
  returnLabel: 'Percentage of staff in AfC pay bands or medical and dental subgroups and very senior managers (including Executive Board members) compared with the percentage of staff in the overall workforce',
  sources: ['staff'],
  groups: ['disabled', 'nonDisabled', 'unknown'],
};

export const WDES_2: RatioDefinition<DisabilityGroup> = {
  standard: STANDARD,
  id: '2',
  kind: 'ratio',
  title: 'Relative likelihood of non-disabled applicants being appointed from shortlisting compared with Disabled applicants',
  returnLabel: 'Relative likelihood of non-disabled applicants compared to Disabled applicants being appointed from shortlisting across all posts',
  sources: ['applications'],
  numeratorGroup: 'nonDisabled',
  denominatorGroup: 'disabled',
  event: 'favourable',
  wording: { people: 'applicants', toEvent: 'be appointed from shortlisting', eventPast: 'were appointed from shortlisting' },
  rollingTwoYear: false,
};

export const WDES_3: RatioDefinition<DisabilityGroup> = {
  standard: STANDARD,
  id: '3',
  kind: 'ratio',
  title: 'Relative likelihood of Disabled staff entering the formal capability process compared with non-disabled staff',
  returnLabel: 'Relative likelihood of Disabled staff compared to non-disabled staff entering the formal capability process, as measured by entry into the formal capability procedure',
  sources: ['capability', 'staff'],
  numeratorGroup: 'disabled',
  denominatorGroup: 'nonDisabled',
  event: 'adverse',
  wording: { people: 'staff', toEvent: 'enter the formal capability process', eventPast: 'entered the formal capability process' },
  rollingTwoYear: true,
};

type SurveyGroups = Exclude<DisabilityGroup, 'unknown'>;

function surveyMetric(
  metric: Exclude<WdesSurveyMetric, '9a'>,
  title: string,
  event: 'favourable' | 'adverse',
  statement: string,
  countHeading: string,
  groups: readonly SurveyGroups[] = ['nonDisabled', 'disabled'],
): ProportionDefinition<SurveyGroups> {
  return {
    standard: STANDARD, id: metric, kind: 'proportion', title, returnLabel: title, sources: ['survey'],
    groups, event, statement, countHeading, surveyItem: metric,
  };
}

export const WDES_SURVEY: readonly ProportionDefinition<SurveyGroups>[] = [
  surveyMetric('4a_patients', 'Staff experiencing harassment, bullying or abuse from patients, service users, their relatives or the public in the last 12 months', 'adverse', 'experienced harassment, bullying or abuse from patients, service users, their relatives or the public', 'Experienced'),
  surveyMetric('4a_managers', 'Staff experiencing harassment, bullying or abuse from managers in the last 12 months', 'adverse', 'experienced harassment, bullying or abuse from managers', 'Experienced'),
  surveyMetric('4a_colleagues', 'Staff experiencing harassment, bullying or abuse from other colleagues in the last 12 months', 'adverse', 'experienced harassment, bullying or abuse from other colleagues', 'Experienced'),
  surveyMetric('4b', 'Staff saying that the last time they experienced harassment, bullying or abuse at work, they or a colleague reported it', 'favourable', 'said that they or a colleague reported the last harassment, bullying or abuse they experienced', 'Reported'),
  surveyMetric('5', 'Staff believing that the organisation provides equal opportunities for career progression or promotion', 'favourable', 'believed the organisation provides equal opportunities for career progression or promotion', 'Believed'),
  surveyMetric('6', 'Staff saying they have felt pressure from their manager to come to work, despite not feeling well enough', 'adverse', 'felt pressure from their manager to come to work despite not feeling well enough', 'Felt pressure'),
  surveyMetric('7', 'Staff satisfied with the extent to which their organisation values their work', 'favourable', 'were satisfied with the extent to which their organisation values their work', 'Satisfied'),
  surveyMetric('8', 'Disabled staff saying their employer has made reasonable adjustments to enable them to carry out their work', 'favourable', 'said their employer has made reasonable adjustments to enable them to carry out their work', 'Said yes', ['disabled']),
];

export const WDES_9A = {
  standard: STANDARD,
  id: '9a',
  title: 'Staff engagement score (0 to 10) for Disabled staff, non-disabled staff and the whole organisation',
} as const;

export const WDES_9B = {
  standard: STANDARD,
  id: '9b',
  title: 'Has the organisation taken action to facilitate the voices of Disabled staff to be heard?',
} as const;

export const WDES_10: RepresentationGapDefinition<DisabilityGroup> = {
  standard: STANDARD,
  id: '10',
  kind: 'representationGap',
  title: 'Difference between the Disabled share of board members and of the overall workforce',
  returnLabel: 'Percentage difference between the organisation’s board voting membership and its organisation’s overall workforce, disaggregated by voting and non-voting membership and by executive and non-executive membership',
  sources: ['board', 'staff'],
  focusGroup: 'disabled',
  bodies: [
    { key: 'voting', label: 'Voting board members' },
    { key: 'nonVoting', label: 'Non-voting board members' },
    { key: 'executive', label: 'Executive board members' },
    { key: 'nonExecutive', label: 'Non-executive board members' },
  ],
};
