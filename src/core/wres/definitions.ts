/**
 * The nine WRES indicators, declared. Definitions and directions follow NHS England's WRES indicators
 * (docs/methodology.md gives each source): 2 and 4 are White rate ÷ ethnic minority rate, 3 is ethnic minority rate ÷
 * White rate, so for all three a value above 1 means ethnic minority staff fare worse.
 */
import type { WresGroup } from '../ethnicity/classifications.ts';
import type {
  ProportionDefinition,
  RatioDefinition,
  RepresentationDefinition,
  RepresentationGapDefinition,
} from '../indicators/definition.ts';

const STANDARD = 'WRES';

export const WRES_1: RepresentationDefinition<WresGroup> = {
  standard: STANDARD,
  id: '1',
  kind: 'representation',
  title: 'Staff in each pay band and medical and dental sub-group, by ethnicity, compared with the overall workforce',
  returnLabel: 'Percentage of staff in each of the AfC Bands 1-9 and VSM (including executive board members) compared with the percentage of staff in the overall workforce',
  sources: ['staff'],
  groups: ['white', 'ethnicMinority', 'unknown'],
};

export const WRES_2: RatioDefinition<WresGroup> = {
  standard: STANDARD,
  id: '2',
  kind: 'ratio',
  title: 'Relative likelihood of White applicants being appointed from shortlisting compared with ethnic minority applicants',
  returnLabel: 'Relative likelihood of White applicants being appointed from shortlisting across all posts compared to BME applicants',
  sources: ['applications'],
  numeratorGroup: 'white',
  denominatorGroup: 'ethnicMinority',
  event: 'favourable',
  wording: { people: 'applicants', toEvent: 'be appointed from shortlisting', eventPast: 'were appointed from shortlisting' },
  rollingTwoYear: false,
};

export const WRES_3: RatioDefinition<WresGroup> = {
  standard: STANDARD,
  id: '3',
  kind: 'ratio',
  title: 'Relative likelihood of ethnic minority staff entering the formal disciplinary process compared with White staff',
  returnLabel: 'Relative likelihood of BME staff entering the formal disciplinary process, as measured by entry into a formal disciplinary investigation, compared to white staff',
  sources: ['disciplinary', 'staff'],
  numeratorGroup: 'ethnicMinority',
  denominatorGroup: 'white',
  event: 'adverse',
  wording: {
    people: 'staff',
    toEvent: 'enter a formal disciplinary investigation',
    eventPast: 'entered a formal disciplinary investigation',
  },
  rollingTwoYear: true,
};

export const WRES_4: RatioDefinition<WresGroup> = {
  standard: STANDARD,
  id: '4',
  kind: 'ratio',
  title: 'Relative likelihood of White staff accessing non-mandatory training and continuing professional development compared with ethnic minority staff',
  returnLabel: 'Relative likelihood of white staff accessing non-mandatory training and CPD compared to BME staff',
  sources: ['training', 'staff'],
  numeratorGroup: 'white',
  denominatorGroup: 'ethnicMinority',
  event: 'favourable',
  wording: {
    people: 'staff',
    toEvent: 'access non-mandatory training or continuing professional development',
    eventPast: 'accessed non-mandatory training or continuing professional development',
  },
  rollingTwoYear: false,
};

function surveyIndicator(
  id: '5' | '6' | '7' | '8',
  title: string,
  returnLabel: string,
  event: 'favourable' | 'adverse',
  statement: string,
  countHeading: string,
): ProportionDefinition<Exclude<WresGroup, 'unknown'>> {
  return {
    standard: STANDARD, id, kind: 'proportion', title, returnLabel, sources: ['survey'],
    groups: ['white', 'ethnicMinority'], event, statement, countHeading, surveyItem: id,
  };
}

export const WRES_5 = surveyIndicator(
  '5',
  'Staff experiencing harassment, bullying or abuse from patients, relatives or the public in the last 12 months',
  'Percentage of staff experiencing harassment, bullying or abuse from patients, relatives or the public in last 12 months',
  'adverse',
  'experienced harassment, bullying or abuse from patients, relatives or the public',
  'Experienced',
);

export const WRES_6 = surveyIndicator(
  '6',
  'Staff experiencing harassment, bullying or abuse from staff in the last 12 months',
  'Percentage of staff experiencing harassment, bullying or abuse from staff in last 12 months',
  'adverse',
  'experienced harassment, bullying or abuse from other staff',
  'Experienced',
);

export const WRES_7 = surveyIndicator(
  '7',
  'Staff believing that the organisation provides equal opportunities for career progression or promotion',
  'Percentage believing that trust provides equal opportunities for career progression or promotion',
  'favourable',
  'believed the organisation provides equal opportunities for career progression or promotion',
  'Believed',
);

export const WRES_8 = surveyIndicator(
  '8',
  'Staff personally experiencing discrimination at work from a manager, team leader or other colleagues in the last 12 months',
  'In the last 12 months have you personally experienced discrimination at work from any of the following? b) Manager/team leader or other colleagues',
  'adverse',
  'experienced discrimination at work from a manager, team leader or other colleagues',
  'Experienced',
);

export const WRES_9: RepresentationGapDefinition<WresGroup> = {
  standard: STANDARD,
  id: '9',
  kind: 'representationGap',
  title: 'Difference between the ethnic minority share of board members and of the overall workforce',
  returnLabel: 'Percentage difference between the organisations’ Board voting membership and its overall workforce',
  sources: ['board', 'staff'],
  focusGroup: 'ethnicMinority',
  bodies: [
    { key: 'voting', label: 'Voting board members' },
    { key: 'executive', label: 'Executive board members' },
  ],
};

export const WRES_INDICATORS = [WRES_1, WRES_2, WRES_3, WRES_4, WRES_5, WRES_6, WRES_7, WRES_8, WRES_9] as const;
