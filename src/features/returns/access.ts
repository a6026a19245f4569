/**
 * Who may download a national return: the organisation's analysts, and administrators who are its members. The
 * return holds every count, however small (NHS England's collection takes unsuppressed organisation figures and
 * applies its own disclosure control when it publishes), so viewers and owners, who only ever see figures with
 * disclosure control, cannot. Kept apart from the routes so the dashboards can show the links to the same people.
 */
import type { FastifyRequest } from 'fastify';
import type { ReturnStandard } from '../../core/returns/index.ts';
import type { Membership, Organisation } from '../../store/store.ts';

export function mayDownloadReturn(request: FastifyRequest, membership: Pick<Membership, 'role'>): boolean {
  return membership.role === 'analyst' || request.currentUser?.administrator === true;
}

export interface ReturnLink {
  readonly href: string;
  readonly text: string;
}

/** The return's downloads for the standard's dashboard, or none for someone who may not download it. */
export function returnLinks(request: FastifyRequest, membership: Pick<Membership, 'role'>, organisation: Pick<Organisation, 'code'>, year: number, standard: ReturnStandard): ReturnLink[] {
  if (!mayDownloadReturn(request, membership)) return [];
  const base = `/organisations/${encodeURIComponent(organisation.code)}/${year}/return/${standard}`;
  const name = standard.toUpperCase();
  return [
    { href: `${base}.xlsx`, text: `The national ${name} return for ${year} as a spreadsheet (Excel)` },
    { href: `${base}.csv`, text: `The national ${name} return for ${year} as CSV, one row per figure with its cell and source` },
  ];
}
