/**
 * The import form: the kinds of file it takes and how each is recognised, the organisations a person may import
 * into, what the form shows, and the check of what was sent (organisation, year, some files), each problem located
 * on its field. Whether the files include a staff file is known only once their headings are read.
 */
import { SOURCE_KINDS, type SourceKind } from '../../core/records.ts';
import type { NewOrganisation } from '../../store/store.ts';
import type { CurrentUser } from '../../web/auth/plugin.ts';
import { KIND_HEADINGS } from './service.ts';

export const KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  staff: 'Staff in post at 31 March (required)',
  applications: 'Applications',
  disciplinary: 'Disciplinary investigations',
  training: 'Training and development',
  board: 'Board members',
  survey: 'Staff survey results',
  capability: 'Capability process (for the Workforce Disability Equality Standard)',
};

export interface ImportForm {
  organisation: string;
  newCode: string;
  newName: string;
  year: string;
}

/** Organisations this person may import into: where they are an analyst. */
export function importableOrganisations(user: CurrentUser) {
  return user.memberships.filter((m) => m.role === 'analyst').map((m) => m.organisation);
}

export function canImport(user: CurrentUser): boolean {
  return user.administrator || importableOrganisations(user).length > 0;
}

export function formView(user: CurrentUser, form: Partial<ImportForm>, errors: { href: string; text: string }[]) {
  return {
    title: 'Import a reporting year',
    organisations: importableOrganisations(user),
    canCreate: user.administrator,
    kinds: SOURCE_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], headings: KIND_HEADINGS[kind] })),
    form, errors,
    errorFor: Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text])),
  };
}

export function validateForm(user: CurrentUser, form: ImportForm, fileCount: number): { errors: { href: string; text: string }[]; organisation: NewOrganisation | null; year: number } {
  const errors: { href: string; text: string }[] = [];
  const year = /^\d{4}$/.test(form.year) ? Number(form.year) : NaN;
  let organisation: NewOrganisation | null = null;
  if (form.organisation === '__new') {
    if (!user.administrator) errors.push({ href: '#organisation', text: 'Only an administrator can add an organisation' });
    else if (!/^[A-Z0-9]{2,10}$/.test(form.newCode.toUpperCase())) errors.push({ href: '#newCode', text: 'Enter the organisation code, 2 to 10 letters or digits, for example RXX' });
    else if (form.newName === '') errors.push({ href: '#newName', text: 'Enter the organisation name' });
    else organisation = { code: form.newCode.toUpperCase(), name: form.newName };
  } else {
    const existing = importableOrganisations(user).find((o) => o.code === form.organisation);
    if (!existing) errors.push({ href: '#organisation', text: 'Choose an organisation you are an analyst for' });
    else organisation = { code: existing.code, name: existing.name };
  }
  // In the order the fields appear on the form, as the error summary should list them.
  if (!(year >= 2000 && year <= 2100)) errors.push({ href: '#year', text: 'Enter the reporting year as 4 digits, for example 2025' });
  if (fileCount === 0) errors.push({ href: '#files', text: 'Choose the files to import: at least the staff file' });
  return { errors, organisation, year };
}
