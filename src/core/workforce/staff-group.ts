/**
 * ESR staff groups and the clinical / non-clinical split that WRES indicator 1 asks for. Administrative and
 * Clerical and Estates and Ancillary are non-clinical; every other group is clinical, with Medical and Dental
 * reported in its own sub-groups (see pay-band.ts). The split is documented in docs/methodology.md.
 */
import { normaliseLabel } from '../ethnicity/match.ts';
import { memoise } from '../util/memoise.ts';

export const STAFF_GROUPS = [
  'Add Prof Scientific and Technic',
  'Additional Clinical Services',
  'Administrative and Clerical',
  'Allied Health Professionals',
  'Estates and Ancillary',
  'Healthcare Scientists',
  'Medical and Dental',
  'Nursing and Midwifery Registered',
  'Students',
] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

export type Cluster = 'nonClinical' | 'clinical' | 'medical';

export const CLUSTER_LABELS: Readonly<Record<Cluster, string>> = {
  nonClinical: 'Non-clinical',
  clinical: 'Clinical (excluding medical and dental)',
  medical: 'Medical and dental',
};

const NON_CLINICAL: ReadonlySet<StaffGroup> = new Set(['Administrative and Clerical', 'Estates and Ancillary']);

const ALIASES: Readonly<Record<StaffGroup, readonly string[]>> = {
  'Add Prof Scientific and Technic': ['Additional Professional Scientific and Technical', 'Add Prof Scientific and Technical', 'Add Prof Scientific & Technic', 'ST&T'],
  'Additional Clinical Services': ['Additional Clinical Services', 'Healthcare Assistants', 'Clinical Support'],
  'Administrative and Clerical': ['Admin and Clerical', 'Administrative & Clerical', 'Admin & Clerical', 'A&C', 'Admin'],
  'Allied Health Professionals': ['AHP', 'AHPs', 'Allied Health Professional'],
  'Estates and Ancillary': ['Estates & Ancillary', 'Estates', 'Ancillary'],
  'Healthcare Scientists': ['Healthcare Scientist', 'Health Care Scientists'],
  'Medical and Dental': ['Medical & Dental', 'Medical', 'M&D', 'Doctors'],
  'Nursing and Midwifery Registered': ['Nursing & Midwifery Registered', 'Nursing and Midwifery', 'Registered Nursing and Midwifery', 'Nursing'],
  Students: ['Student'],
};

const INDEX = new Map<string, StaffGroup>();
for (const group of STAFF_GROUPS) {
  for (const spelling of [group, ...ALIASES[group]]) INDEX.set(normaliseLabel(spelling), group);
}

/** Reads an ESR staff group or a common spelling of one; null when it is not one. */
export const parseStaffGroup = memoise((raw: string): StaffGroup | null => INDEX.get(normaliseLabel(raw)) ?? null);

export function isClinical(group: StaffGroup): boolean {
  return !NON_CLINICAL.has(group);
}

export function isMedical(group: StaffGroup): boolean {
  return group === 'Medical and Dental';
}
