/** Interventions on recruitment, progression and board representation, from section B of the evidence review. */
import { evidence } from './sources.ts';
import { type CatalogueIntervention, direct } from './types.ts';

export const RECRUITMENT_INTERVENTIONS: readonly CatalogueIntervention[] = [
  {
    id: 'structured-shortlisting-and-interviews',
    name: 'Structured, de-biased shortlisting and interviewing',
    summary:
      'Shortlisting follows a structured method: essential criteria plus a "success profile" of model answers for each ' +
      'competency, scored against a matrix. Inclusive behaviour is assessed as an essential competency for management ' +
      'roles (the approach of No More Tick Boxes, an evidence review for NHS East of England).',
    targets: direct('wres', '2', '1', '7', '9'),
    evidence: [
      evidence('NHS Providers describes the structured shortlisting method.', 'expert-opinion', ['shortlisting', 'noMoreTickBoxesNews']),
      evidence(
        'The national gap has not moved: White shortlisted applicants were 1.61 times as likely to be appointed, unchanged year on year.',
        'before-after',
        ['interviewsWrongQuestions'],
      ),
      evidence(
        'Kline argues that action plans focused only on the interview will fail, because they ignore fair process and ' +
          'the wider career cycle, such as "tap on the shoulder" stretch roles.',
        'expert-opinion',
        ['interviewsWrongQuestions', 'noMoreTickBoxes'],
      ),
    ],
    overallStrength: 'expert-opinion',
    cautions: [
      'No evaluation of NHS outcomes was found.',
      'The disciplinary gap closed while the recruitment gap stood still, which suggests the recruitment fixes tried so far have been weak (Kline).',
    ],
    typicalMeasures: [
      'Appointment from shortlisting each month, by ethnic group, with the monthly relative likelihood',
      'Share of panels using the structured scoring',
    ],
  },
  {
    id: 'diverse-interview-panels',
    name: 'Diverse or inclusive interview panels',
    summary:
      'An ethnic minority or trained independent member sits on interview panels, often for posts at band 7 or 8a and ' +
      'above. Newcastle Hospitals, London North West University Healthcare and London Ambulance Service use versions of this.',
    targets: direct('wres', '2', '9'),
    evidence: [
      evidence(
        'Trusts name diverse panels in their WRES action plans; London North West puts an ethnic minority employee on ' +
          'recruitment panels, from a baseline relative likelihood of 1.24.',
        'expert-opinion',
        ['newcastleWres', 'lnwhWres', 'lasToughLine'],
      ),
      evidence('A recruiter\'s review calls the research "early days".', 'expert-opinion', ['peoplescoutPanels'], true),
    ],
    overallStrength: 'expert-opinion',
    cautions: [
      'Panel composition alone does not fix a biased process (Kline).',
      'Panel duty is extra work for the few senior ethnic minority staff; recognise it in job plans.',
    ],
    typicalMeasures: ['Share of panels with an ethnic minority or independent member, by band', 'Appointment from shortlisting, by ethnic group and band'],
  },
  {
    id: 'comply-or-explain-appointments',
    name: '"Comply or explain" for senior appointments',
    summary:
      'When a shortlisted ethnic minority candidate is not appointed to a senior role, the panel or hiring manager ' +
      'explains why, for example to the chief executive, and a development plan is set. London Ambulance Service ' +
      'considered applying this to all promotions at band 7 and above; Sussex commits to feedback for ethnic minority ' +
      'colleagues not shortlisted or not appointed.',
    targets: direct('wres', '2', '1', '9', '7'),
    evidence: [
      evidence('The trust says the approach has been "used successfully in other NHS providers"; no data was retrieved.', 'expert-opinion', ['lasToughLine', 'sussexProgramme']),
      evidence(
        "Dobbin and Kalev's panel studies of US firms find accountability structures (task forces, diversity managers) associated with more diverse management.",
        'comparison',
        ['whyDiversityProgramsFail'],
        true,
      ),
      evidence(
        'Experiments suggest accountability for the process gives fairer hiring decisions than accountability for the outcome, which can over-correct.',
        'comparison',
        ['accountabilitySystems'],
        true,
      ),
    ],
    overallStrength: 'expert-opinion',
    cautions: [
      'The NHS Race and Health Observatory says such steps must be evidence-based and not tokenistic.',
      'Evidence outside the NHS is by analogy; within the NHS there are only claims of success.',
    ],
    typicalMeasures: [
      'Explanations given for each shortlisted ethnic minority candidate not appointed, and development plans set',
      'Appointment from shortlisting at band 8a and above, by ethnic group',
    ],
  },
  {
    id: 'name-blind-shortlisting',
    name: 'Name-blind shortlisting',
    summary: 'Names and other identifiers are removed from applications before shortlisting. The NHS was among the employers that pledged name-blind graduate recruitment in 2015.',
    targets: direct('wres', '2'),
    evidence: [
      evidence(
        'In an Australian Public Service randomised trial (about 2,100 public servants), identified minority candidates ' +
          'were more likely to be shortlisted than de-identified ones (minority men 5.8%, minority women 8.6%, Indigenous ' +
          'women 22.2%): removing names reduced minority shortlisting.',
        'comparison',
        ['betaGoingBlind'],
        true,
      ),
      evidence(
        'A 2009 UK correspondence test found 10.7% of applications with White-sounding names got a positive response against 6.2% with ethnic minority names.',
        'comparison',
        ['isItAllInAName'],
        true,
      ),
    ],
    overallStrength: 'comparison',
    cautions: [
      'It helps only where shortlisting is the biased stage; where assessors already favour minority candidates it can backfire, and it does nothing at interview.',
      'Indicator 2 measures appointment from shortlisting, so name-blind shortlisting does not act on it directly.',
      'No NHS evaluation was found; the trial used a hypothetical task.',
    ],
    typicalMeasures: ['Shortlisting rate of applicants, by ethnic group'],
  },
  {
    id: 'positive-action-programmes',
    name: 'Positive-action development programmes',
    summary:
      'Development programmes for ethnic minority staff, such as the NHS Leadership Academy\'s Ready Now (a year-long ' +
      'programme for leaders at band 8a and above) and Stepping Up (for middle managers), and local schemes.',
    targets: direct('wres', '1', '7', '9', '4'),
    evidence: [
      evidence('The Leadership Academy describes Ready Now and Stepping Up.', 'expert-opinion', ['readyNowLaunch', 'steppingUp']),
      evidence(
        "The Leadership Academy says 75% of Breaking Through alumni moved into more senior roles (the programme's own claim, with no comparison group).",
        'participant-reported',
        ['readyNowLaunch'],
      ),
      evidence(
        'An independent evaluation of Ready Now cohorts 2 and 3 (26 survey responses, 13 interviews, 5 case studies) ' +
          'reported stronger confidence, better leadership skills and support for career progression.',
        'participant-reported',
        ['readyNowEvaluation'],
      ),
      evidence(
        'A mixed-methods evaluation of Stepping Up and Ready Now (39 survey responses, 8 interviews) found participants ' +
          'consistently positive but reporting institutional barriers and structural racism.',
        'participant-reported',
        ['blakeEvaluation'],
      ),
      evidence('Practitioners warn that staff can be "over-trained, but under-promoted".', 'expert-opinion', ['ethnicityPayGap2025']),
    ],
    overallStrength: 'participant-reported',
    cautions: [
      'These programmes develop individuals, not the system; the evaluators call for institutional change. Pair them with comply or explain and with career conversations.',
      'Staff can be "over-trained, but under-promoted".',
    ],
    typicalMeasures: ['Participants promoted or in acting-up roles within two years, against similar staff who did not take part', 'Ethnic minority share of bands 8a and above'],
  },
  {
    id: 'structured-career-conversations',
    name: 'Structured career conversations, sponsorship and fair allocation of stretch roles',
    summary:
      'Person-centred career conversations (the Leadership Academy\'s Scope for Growth) recorded to feed succession ' +
      'planning; transparent allocation of secondments, acting-up posts and stretch projects; sponsorship as well as ' +
      'mentoring, and board pipeline schemes.',
    targets: direct('wres', '1', '4', '7', '9'),
    evidence: [
      evidence('Scope for Growth, Sussex and ambulance services describe the approach; no NHS evaluation was found.', 'expert-opinion', ['scopeForGrowth', 'sussexProgramme', 'aaceAntiRacism']),
      evidence(
        "In Dobbin and Kalev's panel data on US firms, formal mentoring programmes were followed by about 9% to 24% more " +
          'minority and female managers.',
        'comparison',
        ['diceMentoring'],
        true,
      ),
    ],
    overallStrength: 'expert-opinion',
    cautions: [
      'Informal "tap on the shoulder" allocation of stretch roles is the failure mode to avoid (Kline).',
      'The evidence outside the NHS is about traditional mentoring programmes in US firms.',
    ],
    typicalMeasures: ['Career conversations held, by ethnic group', 'Acting-up posts and secondments given, by ethnic group', 'Non-mandatory training, by ethnic group'],
  },
  {
    id: 'board-smart-edi-objectives',
    name: 'SMART equality objectives for every board member',
    summary:
      'Every board and executive member has specific, measurable equality objectives assessed at appraisal (High Impact ' +
      'Action 1 of the NHS EDI Improvement Plan, 2023); boards review the data and track progress through the Board Assurance Framework.',
    targets: direct('wres', '9', '1', '2', '3', '4', '5', '6', '7', '8'),
    evidence: [
      evidence('The NHS EDI Improvement Plan requires it; NHS Providers suggests putting disciplinary-gap goals into board objectives.', 'expert-opinion', ['ediPlanActions', 'ediPlanEmployers', 'closingTheGapLeadership']),
      evidence("Dobbin and Kalev's finding that accountability and engaging managers work supports the mechanism.", 'comparison', ['oneReasonProgramsFail'], true),
    ],
    overallStrength: 'expert-opinion',
    cautions: ['Objectives work only if they are specific and tied to measured indicators.'],
    typicalMeasures: ['Board members with equality objectives assessed at appraisal'],
  },
];
