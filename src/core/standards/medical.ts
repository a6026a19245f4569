/** WRES for the medical and dental workforce, declared through the Standard contract. */
import { medicalText } from '../outputs/medical-text.ts';
import { tidyCsv } from '../outputs/tidy-csv.ts';
import { buildMedicalReportFromCounts, countMedical, type MedicalCounts, type MedicalReport } from '../medical/report.ts';
import { WRES_1, WRES_2, WRES_3, WRES_4 } from '../wres/definitions.ts';
import { indicatorSections } from './sections.ts';
import type { Standard } from './standard.ts';
import { STREAM_COUNTERS } from './stream-counters.ts';
import { WRES_GROUP_LABELS } from './wres.ts';

export const MEDICAL_STANDARD: Standard<MedicalCounts, MedicalReport> = {
  id: 'medical',
  shortName: 'MWRES',
  name: 'WRES for the medical workforce',
  description: 'WRES for the medical workforce: indicators 1 to 4 for medical and dental staff, medical leadership, and appointment to consultant posts.',
  characteristic: 'ethnicity',
  folderHelp: 'folder of one reporting year\'s files',
  files: { required: ['staff'], optional: ['applications', 'disciplinary', 'training'] },
  indicators: [WRES_1, WRES_2, WRES_3, WRES_4],
  previousYearUse: null,
  usesReportingYear: true,
  csvFirstColumn: 'section',
  settings: [],
  count: countMedical,
  streamCount: STREAM_COUNTERS.medical,
  // The medical report carries no import notes, exactly as `mirror medical` prints none.
  report: ({ counts }, { policy, suppressBreakdowns }) => buildMedicalReportFromCounts(counts, { policy, suppressBreakdowns }),
  text: medicalText,
  csv: (report) => tidyCsv({ ...report.indicators, leadership: report.leadership, consultantAppointment: report.consultantAppointment }, 'section'),
  sections: (report) => indicatorSections(report.indicators, WRES_GROUP_LABELS),
};
