/** Interventions on culture, voice and experience, from section C of the evidence review. */
import { evidence } from './sources.ts';
import { type CatalogueIntervention, direct, inferred } from './types.ts';

export const CULTURE_INTERVENTIONS: readonly CatalogueIntervention[] = [
  {
    id: 'reciprocal-mentoring',
    name: 'Reciprocal or reverse mentoring',
    summary:
      'Staff from under-represented groups mentor senior, mostly White, leaders. In the reciprocal version both learn ' +
      'as "partners in progress", aiming at change in the system (the NHS Leadership Academy\'s Reciprocal Mentoring ' +
      "for Inclusion; Guy's and St Thomas' ReMEDI; Bradford District Care).",
    targets: direct('wres', '7', '8', '6', '9'),
    evidence: [
      evidence('The Leadership Academy describes the reciprocal programme and its aims.', 'expert-opinion', ['reciprocalMentoring']),
      evidence(
        "Guy's and St Thomas' first cohort had more than 70 participants; mentors met their mentee six times over six months. " +
          'The published accounts are participants\' reflections.',
        'participant-reported',
        ['hsjReverseMentoring', 'futureHealthcareMentoring'],
      ),
      evidence('Bradford District Care reports better confidence and visibility for ethnic minority nursing staff, with no WRES figures.', 'participant-reported', ['bradfordReciprocal']),
      evidence("One trust's outstanding rating was said to reflect reverse mentoring in part.", 'expert-opinion', ['hsjReverseEmpowerment']),
    ],
    overallStrength: 'participant-reported',
    cautions: [
      'Mentors carry emotional labour.',
      'No link to a change in WRES outcomes has been shown.',
      "The positive effect of mentoring in Dobbin and Kalev's data concerns traditional mentoring of protégés, not reverse mentoring.",
    ],
    typicalMeasures: ['Pairs completing the programme', 'Staff survey: equal opportunities for progression, and discrimination from colleagues, by ethnic group'],
  },
  {
    id: 'staff-networks-with-sponsor',
    name: 'Staff networks with an executive sponsor',
    summary:
      'Networks for race and other protected characteristics, each with a named executive sponsor who gives visibility ' +
      'and accountability, reports to the board and champions actions from the equality plan. Boards are asked to use ' +
      "the networks' expertise in decisions.",
    targets: [...direct('wres', '5', '6', '7', '8', '9'), ...inferred('wdes', '4a_colleagues', '5', '7')],
    evidence: [
      evidence(
        'NHS England describes the sponsor role and reports more than 700 staff networks; no evaluation of outcomes was found.',
        'expert-opinion',
        ['networkSponsor', 'developingNetwork'],
      ),
      evidence('Practitioners warn that networks need funding, protected time and real influence over policy.', 'expert-opinion', ['ethnicityPayGap2025']),
    ],
    overallStrength: 'expert-opinion',
    cautions: ['Networks need funding, protected time and real influence over policy, not just social events.'],
    typicalMeasures: ['Decisions and policies the network shaped', 'Protected time given to network leads'],
  },
  {
    id: 'international-recruit-onboarding',
    name: 'Onboarding and pastoral care for internationally recruited staff',
    summary:
      'Structured pastoral care before and after arrival: support for the registration exam and buddy schemes, help ' +
      'with accommodation and travel, welcome packs, and clear information on immigration and employment conditions ' +
      '(High Impact Action 5 of the NHS EDI Improvement Plan; the NHS Pastoral Care Quality Award, launched in March 2022).',
    targets: [...direct('wres', '5', '6', '7', '8', '4')],
    evidence: [
      evidence(
        'Trusts announce the Pastoral Care Quality Award, reassessed every three years; no evaluation of outcomes was retrieved.',
        'expert-opinion',
        ['rnohPastoralCare', 'swlstgPastoralCare'],
      ),
      evidence(
        "High Impact Action 5's success measures are belonging, bullying from managers or teams, and training quality for internationally recruited staff.",
        'expert-opinion',
        ['ediPlanActions', 'ediPlanMetrics'],
      ),
    ],
    overallStrength: 'expert-opinion',
    cautions: ['WRES does not separate internationally recruited staff: keep their figures separately (the WRES report breaks indicators down by international recruitment where the data allow).'],
    typicalMeasures: [
      'Staff survey: belonging and bullying for internationally recruited staff',
      'Leavers within a year of arrival',
      'Non-mandatory training taken up by internationally recruited staff',
    ],
  },
  {
    id: 'bias-training-as-add-on',
    name: 'Diversity and unconscious-bias training (as an add-on only)',
    summary:
      'Awareness or bias training, often mandatory and online. Listed so a team can see the evidence before choosing ' +
      'it: on its own it shows no lasting effect on representation.',
    targets: [...inferred('wres', '2', '3', '5', '6', '7', '8')],
    evidence: [
      evidence(
        "The Equality and Human Rights Commission's review found unconscious-bias training can raise awareness and can " +
          'reduce implicit bias, but is unlikely to eliminate it, and most courses do not address explicit bias.',
        'comparison',
        ['ehrcUnconsciousBias', 'readingDiverse'],
        true,
      ),
      evidence(
        'Across several hundred US firms, mandatory diversity training was followed by fewer minority managers over five years; voluntary training by more.',
        'comparison',
        ['whyDiversityProgramsFail', 'tryAndMakeMe'],
        true,
      ),
      evidence(
        'Most diversity training does not bring long-term changes in bias, behaviour or workforce diversity; voluntary ' +
          'attendance, long duration and tailored content may help.',
        'comparison',
        ['kalevEncyclopedia'],
        true,
      ),
    ],
    overallStrength: 'comparison',
    cautions: [
      'The evidence points against training alone; at best it adds to structural measures such as the disciplinary check, structured shortlisting, comply or explain and career conversations.',
      'Mandatory training may backfire.',
    ],
    typicalMeasures: ['Completion, by staff group; pair with the indicators of the structural measure it supports'],
  },
];
