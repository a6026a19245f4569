/**
 * The public sources the catalogue cites, each as the evidence review (/work/shared/domain/interventions-evidence.md)
 * names it. A title is the one the review gives, or the page's own heading as its address gives it; a year is
 * given only where the review or the address states it; a publisher is the organisation the review or the address names.
 */
import type { EvidenceItem, EvidenceStrength, Source } from './types.ts';

export const SOURCES = {
  fairExperience: {
    title: 'A fair experience for all',
    publisher: 'NHS England',
    year: 2019,
    url: 'https://www.england.nhs.uk/about/equality/equality-hub/workforce-equality-data-standards/equality-standard/fair-experience/',
  },
  closingTheGapStrategies: {
    title: 'Closing the gap: a guide to addressing racial discrimination in disciplinaries. Strategies for minimising and closing the gap',
    publisher: 'NHS Providers',
    year: null,
    url: 'https://nhsp-production.azurewebsites.net/closing-the-gap-a-guide-to-addressing-racial-discrimination-in-disciplinaries/strategies-for-minimising-and-closing-the-gap',
  },
  closingTheGapSummary: {
    title: 'Closing the gap: a guide to addressing racial discrimination in disciplinaries. Executive summary',
    publisher: 'NHS Providers',
    year: null,
    url: 'https://nhsproviders.org/closing-the-gap-a-guide-to-addressing-racial-discrimination-in-disciplinaries/executive-summary',
  },
  closingTheGapFluctuate: {
    title: 'Closing the gap: the discriminatory disciplinary gap in the NHS',
    publisher: 'NHS Providers',
    year: null,
    url: 'http://nhsproviders.org/closing-the-gap-a-guide-to-addressing-racial-discrimination-in-disciplinaries/the-discriminatory-disciplinary-gap-in-the-nhs',
  },
  closingTheGapBhrut: {
    title: 'Closing the gap: case study, Barking, Havering and Redbridge University Hospitals NHS Trust',
    publisher: 'NHS Providers',
    year: null,
    url: 'https://nhsproviders.org/closing-the-gap-a-guide-to-addressing-racial-discrimination-in-disciplinaries/case-study-barking-havering-and-redbridge-university-hospitals-nhs-trust',
  },
  closingTheGapLeadership: {
    title: 'Closing the gap: the role of leadership in addressing the issue',
    publisher: 'NHS Providers',
    year: null,
    url: 'https://nhsproviders.org/closing-the-gap-a-guide-to-addressing-racial-discrimination-in-disciplinaries/the-role-of-leadership-in-addressing-the-issue',
  },
  beingFair: {
    title: 'Being fair: supporting a just and learning culture for staff and patients following incidents in the NHS',
    publisher: 'NHS Resolution',
    year: null,
    url: 'https://docslib.org/doc/3005793/being-fair-supporting-a-just-and-learning-culture-for-staff-and-patients-following-incidents-in-the-nhs',
  },
  taleOfTwoMetrics: {
    title: 'A tale of two metrics',
    publisher: 'mdxminds (Roger Kline)',
    year: 2021,
    url: 'https://mdxminds.com/2021/02/25/a-tale-of-two-metrics/',
  },
  hsjDisciplinaryTargets: {
    title: 'NHSE sets first targets to cut BME disciplinary cases',
    publisher: 'Health Service Journal',
    year: null,
    url: 'https://www.hsj.co.uk/workforce/nhse-sets-first-targets-to-cut-bme-disciplinary-cases/7025477.article',
  },
  kmptIndicator3: {
    title: 'Workforce Race Equality Standard 2020–2022: indicator 3',
    publisher: 'Kent and Medway NHS and Social Care Partnership Trust',
    year: null,
    url: 'https://www.kmpt.nhs.uk/pdf-documents/about-us-documents/publications/workforce-reports/workforce-race-equality-standard-2020-2022/indicator-3/',
  },
  merseyCareSpf: {
    title: 'Implementation of a just and learning culture: Mersey Care NHS Foundation Trust',
    publisher: 'Social Partnership Forum',
    year: null,
    url: 'https://socialpartnershipforum.org/case-studies/implementation-of-a-just-and-learning-culture-mersey-care-nhs-foundation-trust/',
  },
  merseyCareBlog: {
    title: "The blog: Amanda Oates, Mersey Care's director of workforce",
    publisher: 'Mersey Care NHS Foundation Trust',
    year: null,
    url: 'https://www.merseycare.nhs.uk/about-us/news/the-blog-amanda-oates-mersey-cares-director-of-workforce/',
  },
  merseyCareRestorative: {
    title: 'Restorative just culture',
    publisher: 'Mersey Care NHS Foundation Trust',
    year: null,
    url: 'https://yourspace.merseycare.nhs.uk/restorative-just-culture',
  },
  justCultureGuide: {
    title: 'A just culture guide',
    publisher: 'NHS Improvement',
    year: 2018,
    url: 'https://improvement.nhs.uk/resources/just-culture-guide/',
  },
  midlandsDisciplinaries: {
    title: 'Eliminating racism and bias in disciplinaries',
    publisher: 'NHS England Midlands',
    year: null,
    url: 'https://www.england.nhs.uk/midlands/wrei/eliminating-racism-and-bias-in-disciplinaries/',
  },
  rcnCulturalAmbassador: {
    title: 'RCN Cultural Ambassador programme',
    publisher: 'Royal College of Nursing',
    year: null,
    url: 'https://www.rcn.org.uk/professional-development/professional-services/rcn-cultural-ambassador',
  },
  rcnNorthWestBlog: {
    title: 'The North West Cultural Ambassador Programme launched',
    publisher: 'Royal College of Nursing',
    year: null,
    url: 'https://www.rcn.org.uk/news-and-events/blogs/The-North-West-Cultural-Ambassador-Programme-launched',
  },
  spfCulturalAmbassadors: {
    title: 'Cultural ambassadors project: Birmingham and Solihull Mental Health NHS Foundation Trust and the Royal College of Nursing',
    publisher: 'Social Partnership Forum',
    year: null,
    url: 'https://socialpartnershipforum.org/case-studies/cultural-ambassadors-project-birmingham-and-solihull-mental-health-nhs-foundation-trust-royal-college-of-nursing/',
  },
  shortlisting: {
    title: 'Race equality: what works. Shortlisting',
    publisher: 'NHS Providers',
    year: null,
    url: 'https://nhsproviders.org/race-equality-what-works-resource/shortlisting',
  },
  noMoreTickBoxesNews: {
    title: 'No More Tick Boxes (news release on the evidence review for NHS East of England)',
    publisher: 'Middlesex University',
    year: 2021,
    url: 'https://mdx.ac.uk/news/2021/09/nhs-no-more-tick-boxes-bme-report',
  },
  noMoreTickBoxes: {
    title: 'No more tick boxes',
    publisher: 'mdxminds (Roger Kline)',
    year: 2021,
    url: 'https://mdxminds.com/2021/09/16/no-more-tick-boxes/',
  },
  interviewsWrongQuestions: {
    title: 'Interviews: asking the wrong questions',
    publisher: 'BMJ Leader blog (Roger Kline)',
    year: 2022,
    url: 'https://blogs.bmj.com/bmjleader/2022/06/01/interviews-asking-the-wrong-questions-by-roger-kline/',
  },
  newcastleWres: {
    title: 'Workforce Race Equality Standard (WRES) action plan 2023',
    publisher: 'Newcastle upon Tyne Hospitals NHS Foundation Trust',
    year: 2023,
    url: 'https://newcastle-hospitals.nhs.uk/about/trust/equality-diversity-and-inclusion/workforce-race-equality-standard/workforce-race-equality-standard-wres-action-plan-2023',
  },
  lnwhWres: {
    title: 'WRES improvement action plan 2021/22',
    publisher: 'London North West University Healthcare NHS Trust',
    year: null,
    url: 'https://www.lnwh.nhs.uk/wres-improvement-action-plan-202122',
  },
  lasToughLine: {
    title: 'Trust considers tough line on promoting minority staff',
    publisher: 'HSJ Jobs',
    year: null,
    url: 'https://www.hsjjobs.com/article/trust-considers-tough-line-on-promoting-minority-staff/',
  },
  peoplescoutPanels: {
    title: 'Wait, do diverse interview panels work?',
    publisher: 'PeopleScout',
    year: null,
    url: 'https://rapidreads.peoplescout.co.uk/post/102h993/wait-do-diverse-interview-panels-work',
  },
  sussexProgramme: {
    title: 'Sussex launch a new programme to increase representation of BAME staff occupying NHS roles at band 8a and above',
    publisher: 'Sussex Health and Care',
    year: 2020,
    url: 'https://www.sussexhealthandcare.uk/2020/10/sussex-launch-a-new-programme-to-increase-representation-of-bame-staff-occupying-nhs-roles-at-band-8a-and-above/',
  },
  whyDiversityProgramsFail: {
    title: 'Why diversity programs fail (Dobbin and Kalev)',
    publisher: 'economicsoc.com',
    year: 2018,
    url: 'https://www.economicsoc.com/publications/2018/1/25/why-diversity-programs-fail',
  },
  accountabilitySystems: {
    title: 'Accountability systems: calibrating process and outcome',
    publisher: 'studylib.net',
    year: null,
    url: 'https://studylib.net/doc/6963984/accountability-systems-calibrating-process-and-outcome',
  },
  betaGoingBlind: {
    title: 'BETA report: Going blind to see more clearly',
    publisher: 'Department of the Prime Minister and Cabinet (Australia)',
    year: 2017,
    url: 'https://www.pmc.gov.au/news-centre/domestic-policy/beta-report-going-blind-see-more-clearly',
  },
  isItAllInAName: {
    title: 'Is it all in a name?',
    publisher: 'Gateley (Talking HR blog)',
    year: 2015,
    url: 'https://talkinghrblog.gateleyplc.com/2015/11/05/is-it-all-in-a-name/',
  },
  readyNowLaunch: {
    title: 'NHS Leadership Academy launches Ready Now programme aimed at senior BME leaders',
    publisher: 'NHS Leadership Academy',
    year: null,
    url: 'https://www.leadershipacademy.nhs.uk/news/nhs-leadership-academy-launches-ready-now-programme-aimed-at-senior-bme-leaders/',
  },
  steppingUp: {
    title: 'The Stepping Up programme',
    publisher: 'NHS Leadership Academy',
    year: null,
    url: 'https://www.leadershipacademy.nhs.uk/programmes/the-stepping-up-programme/',
  },
  readyNowEvaluation: {
    title: 'NHS Leadership Academy: evaluation of Ready Now',
    publisher: 'Traverse (formerly OPM)',
    year: null,
    url: 'https://traverse.ltd/recent-work/case-studies/nhs-leadership-academy-evaluation-ready-now',
  },
  blakeEvaluation: {
    title: 'Mixed-methods evaluation of the Stepping Up and Ready Now programmes (Blake et al., BMJ Leader)',
    publisher: 'BMJ Leader',
    year: 2025,
    url: 'https://tomesphere.com/paper/PMC12772536',
  },
  ethnicityPayGap2025: {
    title: 'Ethnicity pay gap report 2025',
    publisher: 'flippingbook.com',
    year: 2025,
    url: 'https://online.flippingbook.com/view/127523650/26',
  },
  scopeForGrowth: {
    title: 'Scope for Growth',
    publisher: 'NHS Leadership Academy',
    year: null,
    url: 'https://se.leadershipacademy.nhs.uk/resources-and-tools2/organisational-resources/scope-for-growth',
  },
  aaceAntiRacism: {
    title: "Spotlight on AACE's anti-racism promises",
    publisher: 'Association of Ambulance Chief Executives',
    year: null,
    url: 'https://aace.org.uk/news/spotlight-on-aaces-anti-racism-promises-may/',
  },
  diceMentoring: {
    title: 'Mentoring programs improve diversity pipeline (a report of Dobbin and Kalev, Harvard Business Review 2016)',
    publisher: 'Dice Insights',
    year: 2017,
    url: 'http://insights.dice.com/2017/06/22/mentoring-programs-improve-diversity-pipeline/',
  },
  ediPlanActions: {
    title: 'NHS equality, diversity and inclusion improvement plan: actions',
    publisher: 'NHS England',
    year: 2023,
    url: 'https://www.england.nhs.uk/long-read/nhs-equality-diversity-and-inclusion-improvement-plan-actions/',
  },
  ediPlanEmployers: {
    title: 'NHS equality, diversity and inclusion (EDI) improvement plan',
    publisher: 'NHS Employers',
    year: 2023,
    url: 'https://www.nhsemployers.org/articles/nhs-equality-diversity-and-inclusion-edi-improvement-plan',
  },
  ediPlanMetrics: {
    title: 'NHS equality, diversity and inclusion improvement plan (success metrics)',
    publisher: 'South Yorkshire Integrated Care System',
    year: null,
    url: 'https://syics.co.uk/about/equality-and-diversity/nhs-equality-diversity-and-inclusion',
  },
  oneReasonProgramsFail: {
    title: '1 reason that diversity programs fail',
    publisher: 'niotprinceton.org',
    year: 2016,
    url: 'https://www.niotprinceton.org/2016/11/09/1-reason-that-diversity-programs-fail/',
  },
  reciprocalMentoring: {
    title: 'Reciprocal mentoring for inclusion programme',
    publisher: 'NHS Leadership Academy',
    year: null,
    url: 'https://www.leadershipacademy.nhs.uk/programmes/reciprocal-mentoring-for-inclusion-programme/',
  },
  hsjReverseMentoring: {
    title: 'Reverse mentoring delivers real value',
    publisher: 'Health Service Journal',
    year: null,
    url: 'https://www.hsj.co.uk/workforce/reverse-mentoring-delivers-real-value/7025222.article',
  },
  futureHealthcareMentoring: {
    title: 'Reverse mentoring (two mentors’ account, Future Healthcare Journal 7(1):94)',
    publisher: 'Royal College of Physicians',
    year: null,
    url: 'https://www.rcpjournals.org/content/futurehosp/7/1/94.full.txt',
  },
  bradfordReciprocal: {
    title: 'Empowering BME staff through reciprocal mentoring',
    publisher: 'NHS Employers',
    year: null,
    url: 'http://www.nhsemployers.org/case-studies/empowering-bme-staff-through-reciprocal-mentoring-3',
  },
  hsjReverseEmpowerment: {
    title: 'Reverse mentoring: a road to black and minority ethnic staff empowerment',
    publisher: 'Health Service Journal',
    year: null,
    url: 'https://www.hsj.co.uk/equality-and-diversity/reverse-mentoring-a-road-to-black-and-minority-ethnic-staff-empowerment/7026222.article',
  },
  networkSponsor: {
    title: 'Role description: staff network sponsor',
    publisher: 'NHS England',
    year: null,
    url: 'https://www.england.nhs.uk/long-read/role-description-staff-network-sponsor/',
  },
  developingNetwork: {
    title: 'Developing your NHS staff network',
    publisher: 'NHS England',
    year: null,
    url: 'https://www.england.nhs.uk/long-read/developing-your-nhs-staff-network/',
  },
  rnohPastoralCare: {
    title: 'RNOH win NHS Pastoral Care Quality Award',
    publisher: 'Royal National Orthopaedic Hospital NHS Trust',
    year: null,
    url: 'https://www.rnoh.nhs.uk/news/rnoh-win-nhs-pastoral-care-quality-award',
  },
  swlstgPastoralCare: {
    title: 'Trust achieves Pastoral Care Quality Award for international recruitment',
    publisher: 'South West London and St George’s Mental Health NHS Trust',
    year: null,
    url: 'https://swlstg.nhs.uk/latest-news/trust-achieves-pastoral-care-quality-award-for-international-recruitment-1757',
  },
  tryAndMakeMe: {
    title: 'Try and make me! Why corporate diversity training fails (Dobbin and Kalev)',
    publisher: 'studylib.net',
    year: null,
    url: 'https://studylib.net/doc/8305157/try-and-make-me---why-corporate-diversity-training-fails-...',
  },
  kalevEncyclopedia: {
    title: 'Oxford Research Encyclopedia of Business (article by Kalev on diversity training)',
    publisher: 'Oxford University Press',
    year: null,
    url: 'https://oxfordre.com/business/display/10.1093/acrefore/9780190224851.001.0001/acrefore-9780190224851-e-375',
  },
  ehrcUnconsciousBias: {
    title: 'Unconscious bias training: an assessment of the evidence for effectiveness (Atewologun, Cornish and Tresh)',
    publisher: 'Equality and Human Rights Commission',
    year: 2018,
    url: 'http://equalityhumanrights.com./our-work/our-research/unconscious-bias-training-assessment-evidence-effectiveness-0',
  },
  readingDiverse: {
    title: 'Diverse Reading blog, October 2018 (on the EHRC review of unconscious bias training)',
    publisher: 'University of Reading',
    year: 2018,
    url: 'https://blogs.reading.ac.uk/diversereading/2018/10/',
  },
} as const satisfies Readonly<Record<string, Source>>;

export type SourceKey = keyof typeof SOURCES;

/** One evidence item, its sources checked against SOURCES by the type checker. */
export function evidence(claim: string, strength: EvidenceStrength, sources: readonly SourceKey[], outsideNhs = false): EvidenceItem {
  return { claim, strength, sources, outsideNhs };
}
