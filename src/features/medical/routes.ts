/**
 * The WRES indicators for the medical and dental workforce of an organisation's year. Membership first (404
 * otherwise), every view audited, analysts see unsuppressed breakdowns on screen; the download (the standards
 * feature's medical.csv) always has disclosure control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { Organisation } from '../../store/store.ts';
import { auditAccess, loadOrganisationYear, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { medicalView } from './presenter.ts';
import { medicalReport } from './service.ts';

interface Params { code: string; year: string }

function base(organisation: Organisation, year: number): string {
  return organisationPath(organisation, year);
}

const loadMembershipAndYear = (services: Services, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
  loadOrganisationYear(services, request, reply);

const audit = auditAccess;
const html = renderPage;

export function registerMedicalRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params }>('/organisations/:code/:year/medical', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    // Null here means the year's import predates medical counts (the year itself is loaded): the page says so.
    const report = await medicalReport(services, loaded.current, year, !analyst);
    await audit(services, request, 'view', organisation, `medical/${year}`);
    return html(services, request, reply, 'medical/views/medical.njk', {
      title: `Medical and dental workforce ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/overview`, text: `Overview ${year}` }],
      organisation, year, report, view: report ? medicalView(report) : null, unsuppressed: analyst, canImport: analyst,
      minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize, csvHref: `${base(organisation, year)}/medical.csv`,
    });
  });
}
