/**
 * The WRES national return as data: NHS England's data collection layout as far as docs/data-formats.md
 * ("National returns") documents it, with the template's labels ("BME", "Ethnicity unknown/null"), each cell naming
 * the figure of `mirror wres --format json` it comes from. What of this layout is unverified is listed there.
 */
import { WRES_1, WRES_2, WRES_3, WRES_4, WRES_5, WRES_6, WRES_7, WRES_8, WRES_9 } from '../wres/definitions.ts';
import { BAND_ROWS, MEDICAL_SUB_GROUP_LABELS, MEDICAL_SUB_GROUPS } from '../workforce/pay-band.ts';
import { CLUSTER_LABELS, type Cluster } from '../workforce/staff-group.ts';
import { figure, headcountRow, ratioBlocks, rollingBlock, shareRow, surveyBlock, type Group } from './blocks.ts';
import type { LayoutSection, ReturnLayout } from './layout.ts';

const groups = (people: string): Group[] => [
  { key: 'white', label: 'White', people: `White ${people}` },
  { key: 'ethnicMinority', label: 'BME', people: `ethnic minority ${people}` },
  { key: 'unknown', label: 'Ethnicity unknown/null', people: `${people} whose ethnicity is not known` },
];
const STAFF = groups('staff');
const APPLICANTS = groups('applicants');
const SURVEY: Group[] = STAFF.slice(0, 2);
const WITH_TOTAL = [...STAFF.map((g) => g.label), 'Total'];

const STAFF_FILE = 'staff file (ESR) at 31 March';

function indicator1(): LayoutSection {
  const base = ['indicators', '1'];
  const bandRow = (cluster: string, row: string, label = row) => headcountRow(label, [...base, 'rows', { cluster, row }], STAFF, `${STAFF_FILE}, ${CLUSTER_LABELS[cluster as Cluster]} ${row}`);
  return {
    indicator: 'WRES 1', heading: 'Indicator 1', label: WRES_1.returnLabel,
    blocks: [
      { corner: 'Non-clinical workforce', columns: WITH_TOTAL, rows: BAND_ROWS.map((row) => bandRow('nonClinical', row)) },
      {
        corner: 'Clinical workforce', columns: WITH_TOTAL,
        rows: [
          ...BAND_ROWS.map((row) => bandRow('clinical', row)),
          ...MEDICAL_SUB_GROUPS.map((g) => bandRow('medical', MEDICAL_SUB_GROUP_LABELS[g], `Medical and dental: ${MEDICAL_SUB_GROUP_LABELS[g]}`)),
        ],
      },
      {
        corner: 'Overall workforce', columns: WITH_TOTAL,
        rows: [
          headcountRow('Headcount', [...base, 'overall'], STAFF, STAFF_FILE),
          shareRow('Percentage of the overall workforce', [...base, 'overall'], STAFF, STAFF_FILE),
          { label: 'Bank-only staff left out', cells: [null, null, null, figure([...base, 'bankOnlyExcluded'], 'count', `${STAFF_FILE}: staff with only bank assignments`)], addition: true },
        ],
      },
    ],
  };
}

function ratioSection(id: '2' | '3' | '4', label: string, words: Parameters<typeof ratioBlocks>[2], people: Group[], numerator: Group, denominator: Group, rolling: boolean): LayoutSection {
  const base = ['indicators', id];
  return {
    indicator: `WRES ${id}`, heading: `Indicator ${id}`, label,
    blocks: [...ratioBlocks(base, people, words, label, numerator, denominator), ...(rolling ? [rollingBlock(base, people, words)] : [])],
  };
}

function surveySection(id: '5' | '6' | '7' | '8', label: string, counted: string): LayoutSection {
  return { indicator: `WRES ${id}`, heading: `Indicator ${id}`, label, blocks: [surveyBlock(['indicators', id], SURVEY, counted)] };
}

function indicator9(): LayoutSection {
  const base = ['indicators', '9'];
  const BOARD = 'board file';
  const gap = (body: 'voting' | 'executive', words: string) => [
    { label: `${words}: BME share of members`, cells: [figure([...base, body, 'boardPct'], 'percent', `${BOARD}: ethnic minority ${body} members ÷ ${body} members`)] },
    { label: 'BME share of the overall workforce', cells: [figure([...base, body, 'workforcePct'], 'percent', `${STAFF_FILE}: ethnic minority staff ÷ headcount`)] },
    { label: `Difference: ${words.toLowerCase()} minus overall workforce`, cells: [figure([...base, body, 'differencePp'], 'percentage points', `${BOARD} and ${STAFF_FILE}`)] },
  ];
  return {
    indicator: 'WRES 9', heading: 'Indicator 9', label: WRES_9.returnLabel,
    blocks: [
      {
        corner: 'Board membership', columns: WITH_TOTAL,
        rows: [
          headcountRow('Total Board members', [...base, 'board', 'all'], STAFF, BOARD),
          headcountRow('of which: Voting Board members', [...base, 'board', 'voting'], STAFF, BOARD),
          headcountRow('of which: Executive Board members', [...base, 'board', 'executive'], STAFF, BOARD),
        ],
      },
      { corner: 'Percentage difference', columns: ['Percentage'], rows: [...gap('voting', 'Board voting membership'), ...gap('executive', 'Executive membership')] },
    ],
  };
}

export const WRES_RETURN: ReturnLayout = {
  standard: 'wres',
  sheetName: 'WRES return',
  title: 'Workforce Race Equality Standard (WRES): data collection return',
  sections: [
    indicator1(),
    ratioSection('2', WRES_2.returnLabel, {
      population: 'Number of shortlisted applicants', events: 'Number appointed from shortlisting', rate: 'Likelihood of being appointed from shortlisting',
      populationFile: 'applications file (shortlisted)', eventsFile: 'applications file (appointed)',
    }, APPLICANTS, APPLICANTS[0]!, APPLICANTS[1]!, false),
    ratioSection('3', WRES_3.returnLabel, {
      population: 'Number of staff in workforce', events: 'Number of staff entering the formal disciplinary process', rate: 'Likelihood of entering the formal disciplinary process',
      populationFile: STAFF_FILE, eventsFile: 'disciplinary file',
    }, STAFF, STAFF[1]!, STAFF[0]!, true),
    ratioSection('4', WRES_4.returnLabel, {
      population: 'Number of staff in workforce', events: 'Number of staff accessing non-mandatory training and CPD', rate: 'Likelihood of accessing non-mandatory training and CPD',
      populationFile: STAFF_FILE, eventsFile: 'training file',
    }, STAFF, STAFF[0]!, STAFF[1]!, false),
    surveySection('5', WRES_5.returnLabel, 'who experienced it'),
    surveySection('6', WRES_6.returnLabel, 'who experienced it'),
    surveySection('7', WRES_7.returnLabel, 'who believed so'),
    surveySection('8', WRES_8.returnLabel, 'who experienced it'),
    indicator9(),
  ],
};
