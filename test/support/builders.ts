/**
 * Small builders for typed records in tests. Ethnicity is given as a raw value and read by the real matcher, pay
 * bands and staff groups by the real parsers, so tests exercise the same paths as files do.
 */
import { matchEthnicity } from '../../src/core/ethnicity/match.ts';
import type { Ethnicity } from '../../src/core/ethnicity/classifications.ts';
import type {
  ApplicationRecord,
  CapabilityRecord,
  DisabilityStatus,
  MedicalLeadership,
  WdesSurveyResult,
  BoardMemberRecord,
  DisciplinaryRecord,
  StaffRecord,
  SurveyResult,
  TrainingRecord,
  WorkforceDataset,
} from '../../src/core/records.ts';
import { parsePayBand } from '../../src/core/workforce/pay-band.ts';
import { parseStaffGroup } from '../../src/core/workforce/staff-group.ts';

let row = 1;
const nextRow = (file: string) => ({ file, row: ++row });

export function ethnicity(raw: string): Ethnicity {
  const value = matchEthnicity(raw);
  if (!value) throw new Error(`test used an unrecognised ethnicity ${raw}`);
  return value;
}

export function staff(
  staffId: string,
  ethnic: string,
  options: {
    band?: string; group?: string; bank?: boolean; directorate?: string; internationalRecruit?: boolean; disability?: DisabilityStatus;
    medicalLeadership?: MedicalLeadership;
  } = {},
): StaffRecord {
  const payBand = parsePayBand(options.band ?? 'Band 5');
  const staffGroup = parseStaffGroup(options.group ?? 'Nursing and Midwifery Registered');
  if (!payBand || !staffGroup) throw new Error('test used an unrecognised band or staff group');
  return {
    staffId, ethnicity: ethnicity(ethnic), payBand, staffGroup,
    assignmentCategory: options.bank ? 'Bank' : 'Permanent', bankOnly: options.bank ?? false,
    directorate: options.directorate ?? null, occupationCode: null, gender: null, disability: options.disability ?? 'missing', fte: null,
    hourlyPay: null, bonusPay: null, fullPayRelevant: true, startDate: null, internationalRecruit: options.internationalRecruit ?? null,
    medicalLeadership: options.medicalLeadership ?? null, source: nextRow('staff.csv'),
  };
}

export function application(
  applicationId: string,
  ethnic: string,
  shortlisted: boolean,
  appointed: boolean,
  options: { date?: string; band?: string; group?: string; internationalRecruit?: boolean; disability?: DisabilityStatus; gender?: string } = {},
): ApplicationRecord {
  return {
    applicationId, ethnicity: ethnicity(ethnic), shortlisted, appointed, vacancyId: null,
    payBand: options.band ? parsePayBand(options.band) : null,
    staffGroup: options.group ? parseStaffGroup(options.group) : null,
    internal: null, internationalRecruit: options.internationalRecruit ?? null, date: options.date ?? null,
    disability: options.disability ?? 'missing', gender: options.gender ?? null, source: nextRow('applications.csv'),
  };
}

export function disciplinary(caseId: string, staffId: string, startDate: string, ethnic?: string): DisciplinaryRecord {
  return { caseId, staffId, ethnicity: ethnic === undefined ? null : ethnicity(ethnic), startDate, source: nextRow('disciplinary.csv') };
}

export function training(staffId: string, startDate: string, options: { mandatory?: boolean; ethnic?: string; course?: string } = {}): TrainingRecord {
  return {
    staffId, ethnicity: options.ethnic === undefined ? null : ethnicity(options.ethnic), course: options.course ?? 'Leadership',
    mandatory: options.mandatory ?? false, startDate, source: nextRow('training.csv'),
  };
}

export function boardMember(memberId: string, ethnic: string, voting: boolean, executive: boolean, disability: DisabilityStatus = 'missing'): BoardMemberRecord {
  return { memberId, ethnicity: ethnicity(ethnic), voting, executive, disability, source: nextRow('board.csv') };
}

export function capability(caseId: string, staffId: string, startDate: string, disability: DisabilityStatus | null = null): CapabilityRecord {
  return { caseId, staffId, startDate, disability, source: nextRow('capability.csv') };
}

export function wdesSurvey(metric: WdesSurveyResult['metric'], group: WdesSurveyResult['group'], respondents: number, positive: number | null, score: number | null = null): WdesSurveyResult {
  return { metric, group, respondents, positive, score, source: nextRow('survey.csv') };
}

export function survey(indicator: SurveyResult['indicator'], group: SurveyResult['group'], respondents: number, positive: number): SurveyResult {
  return { indicator, group, respondents, positive, source: nextRow('survey.csv') };
}

export function dataset(parts: Partial<WorkforceDataset> & { staff: WorkforceDataset['staff'] }): WorkforceDataset {
  return {
    applications: null, disciplinary: null, training: null, board: null, survey: null, wdesSurvey: null, capability: null,
    wdesNarrative: null, sources: [], ...parts,
  };
}

/** Ids "W001" … for n people. */
export function ids(prefix: string, n: number, from = 1): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(from + i).padStart(3, '0')}`);
}
