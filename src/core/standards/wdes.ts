/** The Workforce Disability Equality Standard, declared through the Standard contract. */
import { tidyCsv } from '../outputs/tidy-csv.ts';
import { wdesText } from '../outputs/wdes-text.ts';
import { countWdes, type WdesCounts } from '../wdes/count.ts';
import { WDES_1, WDES_2, WDES_3, WDES_10, WDES_SURVEY } from '../wdes/definitions.ts';
import { buildWdesReport, type WdesReport } from '../wdes/report.ts';
import { previousYearNote } from './notes.ts';
import { indicatorSections } from './sections.ts';
import type { Standard } from './standard.ts';
import { STREAM_COUNTERS } from './stream-counters.ts';

export const WDES_GROUP_LABELS = { disabled: 'Disabled', nonDisabled: 'Non-disabled', unknown: 'Unknown' } as const;

export const WDES_STANDARD: Standard<WdesCounts, WdesReport> = {
  id: 'wdes',
  shortName: 'WDES',
  name: 'Workforce Disability Equality Standard',
  description: 'Calculate the ten WDES metrics from a folder of one reporting year\'s files.',
  characteristic: 'disability',
  folderHelp: 'folder holding staff.csv and any of applications, capability, board and survey (.csv or .xlsx), and wdes_9b.txt',
  files: { required: ['staff'], optional: ['applications', 'capability', 'board', 'survey'] },
  indicators: [WDES_1, WDES_2, WDES_3, ...WDES_SURVEY, WDES_10],
  previousYearUse: "metric 3's two-year figure",
  usesReportingYear: true,
  csvFirstColumn: 'metric',
  settings: [],
  count: countWdes,
  streamCount: STREAM_COUNTERS.wdes,
  report({ counts, previous, notes, sources }, { policy, suppressBreakdowns }) {
    const allNotes = [...counts.notes, ...notes, ...(previous ? [previousYearNote(previous.period.year, 'metric 3')] : [])];
    return buildWdesReport({ ...counts, notes: allNotes }, { policy, suppressBreakdowns, previous, sources });
  },
  text: wdesText,
  csv: (report) => tidyCsv(report.metrics, 'metric'),
  sections: (report) => indicatorSections(report.metrics, WDES_GROUP_LABELS, 'Metric'),
};
