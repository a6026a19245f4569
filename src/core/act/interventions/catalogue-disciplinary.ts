/** Interventions on the disciplinary gap (WRES indicator 3), from section A of the evidence review. */
import { evidence } from './sources.ts';
import { type CatalogueIntervention, direct, inferred } from './types.ts';

export const DISCIPLINARY_INTERVENTIONS: readonly CatalogueIntervention[] = [
  {
    id: 'pre-formal-decision-checklist',
    name: 'Decision checklist or senior sign-off before formal disciplinary action',
    summary:
      'Before a formal investigation can start, the line manager works through a structured set of questions, or ' +
      'justifies to a very senior manager or a panel why formal action is the only option. A fair experience for all ' +
      'sets out four variants: a decision-tree checklist, a regular audit of formal decisions afterwards, a check by a ' +
      'director or panel before formal action, and a check by a trained lay member.',
    targets: [...direct('wres', '3'), ...inferred('wres', '6', '8'), ...inferred('wdes', '3')],
    evidence: [
      evidence(
        'NHS England and NHS Providers describe the four good-practice variants of a check before formal action.',
        'expert-opinion',
        ['fairExperience', 'closingTheGapStrategies'],
      ),
      evidence("Barts Health's pre-disciplinary checklist is one of the examples in NHS Resolution's Being fair.", 'expert-opinion', ['beingFair']),
      evidence(
        'Roger Kline reads the 2020 WRES data as showing that a growing number of trusts adopted this check and that, ' +
          'with just and learning culture work, it "seems to be working", possibly with a Hawthorne effect: staff ' +
          'entering disciplinary processes fell 28.2% over four years, from 15,711 to 11,278 in 2020.',
        'before-after',
        ['taleOfTwoMetrics'],
      ),
      evidence(
        'Nationally, the relative likelihood of ethnic minority staff entering a formal disciplinary process was 1.56 in ' +
          '2016, 1.24 in 2018 and 1.14 in 2022 (unchanged from 2021). No study comparing adopting trusts with others was found.',
        'before-after',
        ['hsjDisciplinaryTargets', 'closingTheGapSummary'],
      ),
      evidence(
        'Local figures fluctuate because case numbers are small: Kent and Medway reported a ratio of 1.7 from 17 White and 9 ethnic minority cases.',
        'expert-opinion',
        ['kmptIndicator3', 'closingTheGapFluctuate'],
      ),
    ],
    overallStrength: 'before-after',
    cautions: [
      'The national fall is confounded by other work running at the same time; no comparison with trusts that did not adopt the check exists.',
      'Managers may find workarounds (Kline).',
      'Local ratios swing because case numbers are small: Kent and Medway reported 1.7 from 17 White and 9 ethnic minority cases. Read the counts and intervals, not the ratio alone.',
    ],
    typicalMeasures: [
      'Formal investigations started each month, by ethnic group, with the monthly relative likelihood',
      'Cases resolved informally after the check, by ethnic group',
      'Investigations finding no case to answer',
    ],
  },
  {
    id: 'just-and-learning-culture',
    name: 'Just and learning culture (restorative just culture)',
    summary:
      'After an incident, ask "what was responsible?" rather than "who is responsible?". Mersey Care combined this ' +
      "with a pre-formal template so decision makers gather all the information, including the employee's account, " +
      'before formal proceedings; self-nominated just and learning ambassadors; and work with staff side, first in one division.',
    targets: [...direct('wres', '3'), ...inferred('wres', '6', '8')],
    evidence: [
      evidence('Mersey Care implemented the approach with staff side, as a pilot in one division and then across the trust.', 'expert-opinion', ['merseyCareSpf']),
      evidence(
        "At Mersey Care's 2016 baseline about 4% of staff faced disciplinary investigation each year, and over half of " +
          'investigations found no case to answer. The CQC cited the approach as outstanding practice in 2019. ' +
          'Figures after implementation were not retrieved.',
        'expert-opinion',
        ['merseyCareBlog', 'merseyCareRestorative'],
      ),
      evidence(
        "Barking, Havering and Redbridge's board-led restorative approach: its indicator 3 ratio was 1.12 in 2020, 0.51 " +
          'in 2021 and 1.02 in 2021/22, against a London average of 1.47 and a national one of 1.14.',
        'before-after',
        ['closingTheGapBhrut'],
      ),
    ],
    overallStrength: 'before-after',
    cautions: [
      "Mersey Care's aim was overall disciplinary volume and staff wellbeing, not the race gap; its effect on the ratio is inferred.",
      'Single-trust before-and-after figures with no comparison group; the Barking, Havering and Redbridge series goes down and up again (0.51, then 1.02), which suggests small-number noise.',
    ],
    typicalMeasures: [
      'Formal investigations and suspensions each month, by ethnic group',
      'Investigations finding no case to answer',
      'Staff survey: harassment, bullying or abuse from staff, and discrimination from colleagues, by ethnic group',
    ],
  },
  {
    id: 'just-culture-guide',
    name: "NHS Improvement's A just culture guide for incidents",
    summary:
      'A flowchart of questions managers use when an incident suggests an individual may need support or management, ' +
      'published in March 2018 in place of the incident decision tree. NHS England Midlands recommends every organisation use it as a framework.',
    targets: direct('wres', '3'),
    evidence: [
      evidence(
        'NHS Improvement says the guide "helps reduce the role of unconscious bias". No evaluation of outcomes was found.',
        'expert-opinion',
        ['justCultureGuide', 'midlandsDisciplinaries'],
      ),
    ],
    overallStrength: 'expert-opinion',
    cautions: [
      'The guide is for patient-safety incidents only; it does not replace an investigation or HR advice.',
      'Most disciplinary cases are not patient-safety incidents, so it covers only part of indicator 3.',
    ],
    typicalMeasures: ['Formal investigations following patient-safety incidents, by ethnic group'],
  },
  {
    id: 'cultural-ambassadors',
    name: 'Cultural ambassadors in employee-relations cases',
    summary:
      'Trained volunteers from ethnic minority backgrounds sit on investigation teams and on disciplinary or grievance ' +
      'panels involving an ethnic minority employee, and probe for cultural bias and discrimination (the Royal College ' +
      'of Nursing programme, first piloted with Birmingham and Solihull Mental Health NHS Foundation Trust).',
    targets: [...direct('wres', '3', '2')],
    evidence: [
      evidence(
        'The programme grew out of evidence that ethnic minority staff were up to 50% more likely to face formal ' +
          'investigation; at the pilot trust they were 1.4 times as likely to be disciplined. No evaluation of outcomes was retrieved.',
        'expert-opinion',
        ['rcnCulturalAmbassador', 'rcnNorthWestBlog', 'spfCulturalAmbassadors'],
      ),
      evidence('NHS England Midlands recommends involving an independent person, such as a cultural ambassador, before formal investigations.', 'expert-opinion', ['midlandsDisciplinaries']),
    ],
    overallStrength: 'expert-opinion',
    cautions: [
      'The work falls on volunteers from minority backgrounds: release from their jobs and board commitment matter.',
    ],
    typicalMeasures: ['Cases with a cultural ambassador involved', 'Formal investigations and their outcomes, by ethnic group'],
  },
];
