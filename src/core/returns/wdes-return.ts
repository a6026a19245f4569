/**
 * The WDES national return as data: NHS England's metrics 1 to 10 in the layout docs/data-formats.md ("National
 * returns") documents, with the template's labels, each cell naming the figure of `mirror wdes --format json` it
 * comes from. The clusters of metric 1 are the usual grouping in trust reports, not a verified template layout.
 */
import { WDES_1, WDES_10, WDES_2, WDES_3, WDES_9A, WDES_9B, WDES_SURVEY } from '../wdes/definitions.ts';
import { WDES_CLUSTERS } from '../wdes/report.ts';
import { CLUSTER_LABELS, type Cluster } from '../workforce/staff-group.ts';
import { figure, headcountRow, ratioBlocks, rollingBlock, shareRow, surveyBlock, type Group } from './blocks.ts';
import type { LayoutSection, ReturnLayout } from './layout.ts';

const groups = (people: string): Group[] => [
  { key: 'disabled', label: 'Disabled', people: `Disabled ${people}` },
  { key: 'nonDisabled', label: 'Non-disabled', people: `non-disabled ${people}` },
  { key: 'unknown', label: 'Unknown/null', people: `${people} whose disability status is not known` },
];
const STAFF = groups('staff');
const APPLICANTS = groups('applicants');
const WITH_TOTAL = [...STAFF.map((g) => g.label), 'Total'];
const STAFF_FILE = 'staff file (ESR) at 31 March';

const CLUSTER_BLOCKS: readonly { readonly cluster: string; readonly corner: string }[] = [
  { cluster: 'nonClinical', corner: 'Non-clinical workforce' },
  { cluster: 'clinical', corner: 'Clinical workforce' },
  { cluster: 'medical', corner: 'Medical and dental workforce' },
];

function metric1(): LayoutSection {
  const base = ['metrics', '1'];
  return {
    indicator: 'WDES 1', heading: 'Metric 1', label: WDES_1.returnLabel,
    blocks: [
      ...CLUSTER_BLOCKS.map(({ cluster, corner }) => ({
        corner, columns: WITH_TOTAL,
        rows: WDES_CLUSTERS.filter((c) => c.cluster === cluster)
          .map((c) => headcountRow(c.label, [...base, 'clusters', { cluster, row: c.label }], STAFF, `${STAFF_FILE}, ${CLUSTER_LABELS[cluster as Cluster]} ${c.label}`)),
      })),
      {
        corner: 'Overall workforce', columns: WITH_TOTAL,
        rows: [
          headcountRow('Headcount', [...base, 'overall'], STAFF, STAFF_FILE),
          shareRow('Percentage of the overall workforce', [...base, 'overall'], STAFF, STAFF_FILE),
        ],
      },
      {
        corner: 'Declaration rate', columns: ['Declared', 'Headcount', 'Percentage'],
        rows: [{
          label: 'Staff who said whether they are Disabled', addition: true,
          cells: [
            figure(['declarationRate', 'declared'], 'count', `${STAFF_FILE}: disability recorded as yes or no`),
            figure(['declarationRate', 'total'], 'count', `${STAFF_FILE}: everyone`),
            figure(['declarationRate', 'pct'], 'percent', `${STAFF_FILE}: numerator declared, denominator everyone`),
          ],
        }],
      },
    ],
  };
}

function ratioSection(id: '2' | '3', label: string, words: Parameters<typeof ratioBlocks>[2], people: Group[], numerator: Group, denominator: Group, rolling: boolean): LayoutSection {
  const base = ['metrics', id];
  return {
    indicator: `WDES ${id}`, heading: `Metric ${id}`, label,
    blocks: [...ratioBlocks(base, people, words, label, numerator, denominator), ...(rolling ? [rollingBlock(base, people, words)] : [])],
  };
}

const COUNTED: Readonly<Record<string, string>> = {
  Experienced: 'who experienced it', Reported: 'who reported it', Believed: 'who believed so', 'Felt pressure': 'who felt pressure',
  Satisfied: 'who were satisfied', 'Said yes': 'who said yes',
};

function surveySections(): LayoutSection[] {
  return WDES_SURVEY.map((definition) => {
    const heading = `Metric ${definition.id.replace('_patients', ' i').replace('_managers', ' ii').replace('_colleagues', ' iii')}`;
    const people = STAFF.filter((g) => (definition.groups as readonly string[]).includes(g.key));
    return {
      indicator: `WDES ${definition.id}`, heading, label: definition.returnLabel,
      blocks: [surveyBlock(['metrics', definition.id], people, COUNTED[definition.countHeading] ?? 'counted')],
    };
  });
}

function metric9(): LayoutSection[] {
  const source = 'survey file (NHS Staff Survey): engagement score';
  return [
    {
      indicator: 'WDES 9a', heading: 'Metric 9a', label: WDES_9A.title,
      blocks: [{
        corner: '', columns: ['Disabled', 'Non-disabled', 'Organisation'],
        rows: [
          { label: 'Staff engagement score (0 to 10)', cells: ['disabled', 'nonDisabled', 'overall'].map((g) => figure(['metrics', '9a', 'groups', g, 'score'], 'score', `${source} of ${g === 'overall' ? 'everyone' : `${g} staff`}`)) },
          { label: 'Number of respondents', cells: ['disabled', 'nonDisabled', 'overall'].map((g) => figure(['metrics', '9a', 'groups', g, 'respondents'], 'count', `${source}: respondents`)), addition: true },
        ],
      }],
    },
    {
      indicator: 'WDES 9b', heading: 'Metric 9b', label: WDES_9B.title,
      blocks: [{
        corner: '', columns: ['Answer'],
        rows: [
          { label: 'Yes or no', cells: [figure(['metrics', '9b', 'answer'], 'yes/no', 'wdes_9b.txt: the organisation\'s answer')] },
          { label: 'Narrative', cells: [figure(['metrics', '9b', 'narrative'], 'text', 'wdes_9b.txt: the organisation\'s narrative')] },
        ],
      }],
    },
  ];
}

function metric10(): LayoutSection {
  const base = ['metrics', '10'];
  const BOARD = 'board file';
  const body = (key: string, label: string) => ({
    label,
    cells: [
      figure([...base, key, 'boardCount'], 'count', `${BOARD}: Disabled ${label.toLowerCase()}`),
      figure([...base, key, 'boardTotal'], 'count', `${BOARD}: ${label.toLowerCase()}`),
      figure([...base, key, 'boardPct'], 'percent', `${BOARD}: numerator Disabled members, denominator members`),
      figure([...base, key, 'workforcePct'], 'percent', `${STAFF_FILE}: Disabled staff ÷ headcount`),
      figure([...base, key, 'differencePp'], 'percentage points', `${BOARD} and ${STAFF_FILE}`),
    ],
  });
  return {
    indicator: 'WDES 10', heading: 'Metric 10', label: WDES_10.returnLabel,
    blocks: [{
      corner: 'Board membership', columns: ['Disabled members', 'Members', 'Disabled (%)', 'Overall workforce Disabled (%)', 'Difference (percentage points)'],
      rows: WDES_10.bodies.map((b) => body(b.key, b.label)),
    }],
  };
}

export const WDES_RETURN: ReturnLayout = {
  standard: 'wdes',
  sheetName: 'WDES return',
  title: 'Workforce Disability Equality Standard (WDES): data collection return',
  sections: [
    metric1(),
    ratioSection('2', WDES_2.returnLabel, {
      population: 'Number of shortlisted applicants', events: 'Number appointed from shortlisting', rate: 'Likelihood of being appointed from shortlisting',
      populationFile: 'applications file (shortlisted)', eventsFile: 'applications file (appointed)',
    }, APPLICANTS, APPLICANTS[1]!, APPLICANTS[0]!, false),
    ratioSection('3', WDES_3.returnLabel, {
      population: 'Number of staff in workforce', events: 'Number of staff entering the formal capability process', rate: 'Likelihood of entering the formal capability process',
      populationFile: STAFF_FILE, eventsFile: 'capability file',
    }, STAFF, STAFF[0]!, STAFF[1]!, true),
    ...surveySections(),
    ...metric9(),
    metric10(),
  ],
};
