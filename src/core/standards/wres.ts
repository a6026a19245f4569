/** The Workforce Race Equality Standard, declared through the Standard contract. */
import { wresCsv } from '../outputs/wres-csv.ts';
import { wresText } from '../outputs/wres-text.ts';
import { countWres, type WresCounts } from '../wres/count.ts';
import { WRES_INDICATORS } from '../wres/definitions.ts';
import { buildWresReport, type WresReport } from '../wres/report.ts';
import { previousYearNote } from './notes.ts';
import { indicatorSections } from './sections.ts';
import type { Standard } from './standard.ts';
import { STREAM_COUNTERS } from './stream-counters.ts';

export const WRES_GROUP_LABELS = { white: 'White', ethnicMinority: 'Ethnic minority', unknown: 'Unknown' } as const;

export const WRES_STANDARD: Standard<WresCounts, WresReport> = {
  id: 'wres',
  shortName: 'WRES',
  name: 'Workforce Race Equality Standard',
  description: 'Calculate the nine WRES indicators from a folder of one reporting year\'s files.',
  characteristic: 'ethnicity',
  folderHelp: 'folder holding staff.csv and any of applications, disciplinary, training, board and survey (.csv or .xlsx)',
  files: { required: ['staff'], optional: ['applications', 'disciplinary', 'training', 'board', 'survey'] },
  indicators: WRES_INDICATORS,
  previousYearUse: "indicator 3's two-year figure",
  usesReportingYear: true,
  csvFirstColumn: 'indicator',
  settings: [],
  count: countWres,
  streamCount: STREAM_COUNTERS.wres,
  report({ counts, previous, notes, sources }, { policy, suppressBreakdowns }) {
    const allNotes = [...counts.notes, ...notes, ...(previous ? [previousYearNote(previous.period.year, 'indicator 3')] : [])];
    return buildWresReport({ ...counts, notes: allNotes }, { policy, suppressBreakdowns, previous, sources });
  },
  text: wresText,
  csv: wresCsv,
  sections: (report) => indicatorSections(report.indicators, WRES_GROUP_LABELS),
};
