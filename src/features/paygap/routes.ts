/**
 * Pay gaps by gender, ethnicity and disability for an organisation's year. Membership first (404 otherwise), every
 * view audited, analysts see small groups on screen; the download (the standards feature's paygap.csv) always has
 * disclosure control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Organisation } from '../../store/store.ts';
import { auditAccess, loadOrganisationYear, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { payGapReport, readReference } from './service.ts';

interface Params { code: string; year: string }

function base(organisation: Organisation, year: number): string {
  return organisationPath(organisation, year);
}

const loadMembershipAndYear = (services: Services, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
  loadOrganisationYear(services, request, reply);

const audit = auditAccess;
const html = renderPage;

export function registerPayGapRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params }>('/organisations/:code/:year/paygap', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    const reference = readReference((request.query as { reference?: string }).reference);
    const report = await payGapReport(services, organisation.id, year, reference, !analyst);
    if (!report) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `paygap/${year}`);
    return html(services, request, reply, 'paygap/views/paygap.njk', {
      title: `Pay gaps ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/overview`, text: `Overview ${year}` }],
      organisation, year, report, reference, unsuppressed: analyst,
      characteristics: [report.gender, report.ethnicity, report.disability].map((c) => ({ ...c, comparisons: Object.values(c.groups) })),
      csvHref: `${base(organisation, year)}/paygap.csv`,
    });
  });
}
