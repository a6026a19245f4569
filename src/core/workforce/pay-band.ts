/**
 * Pay bands and medical grades as WRES indicator 1 reports them: Agenda for Change bands (Under Band 1, 1–9 with 8a–8d),
 * very senior managers, and four medical and dental sub-groups. Matching ignores case, spaces and punctuation; an
 * unrecognised value is returned as null so the caller can raise a located error.
 */
import { normaliseLabel } from '../ethnicity/match.ts';
import { memoise } from '../util/memoise.ts';

export const AFC_BANDS = [
  'Under Band 1', 'Band 1', 'Band 2', 'Band 3', 'Band 4', 'Band 5', 'Band 6', 'Band 7',
  'Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9',
] as const;
export type AfcBand = (typeof AFC_BANDS)[number];

export const MEDICAL_SUB_GROUPS = ['consultant', 'careerGrade', 'trainee', 'otherMedical'] as const;
export type MedicalSubGroup = (typeof MEDICAL_SUB_GROUPS)[number];

export const MEDICAL_SUB_GROUP_LABELS: Readonly<Record<MedicalSubGroup, string>> = {
  consultant: 'Consultants',
  careerGrade: 'Non-consultant career grades',
  trainee: 'Trainee grades',
  otherMedical: 'Other medical and dental',
};

/** The rows of indicator 1, in the national template's order. */
export const BAND_ROWS = [...AFC_BANDS, 'VSM'] as const;
export type BandRow = (typeof BAND_ROWS)[number];

export type PayBand =
  | { readonly kind: 'afc'; readonly band: AfcBand }
  | { readonly kind: 'vsm' }
  | { readonly kind: 'medical'; readonly subGroup: MedicalSubGroup };

/** The label used in tables and breakdowns: "Band 8a", "VSM", "Consultants". */
export function payBandLabel(band: PayBand): string {
  switch (band.kind) {
    case 'afc':
      return band.band;
    case 'vsm':
      return 'VSM';
    case 'medical':
      return MEDICAL_SUB_GROUP_LABELS[band.subGroup];
  }
}

/**
 * Medical grade names and the sub-group each belongs to (documented in docs/methodology.md). Specialist and
 * specialty doctors are career grades; foundation, core and specialty training posts are trainee grades;
 * locally employed doctors and clinical fellows are "other".
 */
export const MEDICAL_GRADES: Readonly<Record<MedicalSubGroup, readonly string[]>> = {
  consultant: ['Consultant', 'Consultants', 'Medical Consultant', 'Consultant Psychiatrist', 'Locum Consultant'],
  careerGrade: [
    'Non-consultant career grade', 'Non consultant career grade', 'NCCG', 'SAS', 'SAS Doctor', 'Specialty Doctor',
    'Specialist', 'Specialist Grade', 'Associate Specialist', 'Staff Grade', 'Hospital Practitioner',
    'Clinical Assistant',
  ],
  trainee: [
    'Trainee', 'Trainee grades', 'Doctor in training', 'Foundation Year 1', 'Foundation Year 2', 'FY1', 'FY2',
    'F1', 'F2', 'Core Training', 'Core Trainee', 'CT1', 'CT2', 'CT3', 'Specialty Registrar', 'Specialty Trainee',
    'StR', 'SpR', 'Specialist Registrar', 'ST1', 'ST2', 'ST3', 'ST4', 'ST5', 'ST6', 'ST7', 'ST8',
    'Senior House Officer', 'SHO', 'Registrar', 'House Officer',
  ],
  otherMedical: [
    'Other medical', 'Other medical and dental', 'Trust Grade', 'Trust Grade Doctor', 'Locally Employed Doctor',
    'Clinical Fellow', 'Research Fellow', 'Teaching Fellow', 'Dentist', 'General Dental Practitioner',
  ],
};

const MEDICAL_INDEX = new Map<string, MedicalSubGroup>(
  MEDICAL_SUB_GROUPS.flatMap((group) => MEDICAL_GRADES[group].map((name) => [normaliseLabel(name), group] as const)),
);

const AFC_INDEX = new Map<string, AfcBand>();
for (const band of AFC_BANDS) {
  const bare = band.replace('Band ', '');
  for (const spelling of [band, bare, `AfC ${band}`, `AfC Band ${bare}`, `Agenda for Change ${band}`]) {
    AFC_INDEX.set(normaliseLabel(spelling), band);
  }
}
AFC_INDEX.set(normaliseLabel('Below Band 1'), 'Under Band 1');
AFC_INDEX.set(normaliseLabel('Pre-Band 1'), 'Under Band 1');

const VSM_SPELLINGS = new Set(['VSM', 'Very Senior Manager', 'Very Senior Managers', 'Very Senior Management'].map(normaliseLabel));

/** Reads a pay band or medical grade; null when it is neither. */
export const parsePayBand = memoise((raw: string): PayBand | null => {
  const key = normaliseLabel(raw);
  if (key === '') return null;
  const afc = AFC_INDEX.get(key);
  if (afc) return { kind: 'afc', band: afc };
  if (VSM_SPELLINGS.has(key)) return { kind: 'vsm' };
  const medical = MEDICAL_INDEX.get(key);
  if (medical) return { kind: 'medical', subGroup: medical };
  return null;
});
