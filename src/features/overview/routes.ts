/**
 * The overview of an organisation's year: the headline figures of every standard and what a board asks of them (is
 * it improving, how does it compare with peers, will the targets be met). Membership first (404 otherwise), audited
 * (a 304 too: the page carries an ETag, web/private-revalidation.ts); every figure here has disclosure control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Organisation } from '../../store/store.ts';
import { auditAccess, loadOrganisationYear, organisationPath } from '../../web/organisation-year.ts';
import { sendYearPage } from '../../web/private-revalidation.ts';
import { coreIndicatorRows, dashboardRows } from '../../web/presenters/dashboard.ts';
import type { Services } from '../../web/services.ts';
import { wdesRows } from '../wdes/presenters.ts';
import { boardReadings } from './board.ts';
import { boardFiguresOf, boardSources, overviewReports } from './service.ts';

interface Params { code: string; year: string }

function base(organisation: Organisation, year: number): string {
  return organisationPath(organisation, year);
}

const loadMembershipAndYear = (services: Services, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
  loadOrganisationYear(services, request, reply);

const audit = auditAccess;

export function registerOverviewRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params }>('/organisations/:code/:year/overview', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const { wres, previousWres, wdes, paygap, medical } = await overviewReports(services, organisation.id, year, loaded.current);
    if (!wres) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `overview/${year}`);
    const sources = await boardSources(services, organisation.id, year, loaded.current);
    const inputs = [wres, previousWres, wdes, paygap, medical, sources.monthly, sources.comparison, sources.reports];
    return sendYearPage(services, request, reply, loaded, 'overview/views/overview.njk', inputs, () => ({
      title: `Overview ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }],
      organisation, year, base: base(organisation, year),
      wresRows: dashboardRows(wres, previousWres).filter((r) => ['2', '3', '4', '7', '9'].includes(r.id)),
      wdesRows: wdes ? wdesRows(wdes).filter((r) => ['1', '2', '3', '5', '10'].includes(r.id)) : [],
      pay: paygap ? [paygap.gender, paygap.ethnicity, paygap.disability] : [],
      // Appointment, disciplinary entry and training for doctors and dentists, and appointment to consultant posts.
      medical: medical
        ? [
          ...coreIndicatorRows(medical.indicators).filter((r) => r.id !== '1').map((r) => (r.available ? r.statement : `Indicator ${r.id}: ${r.unavailableReason}.`)),
          ...(medical.consultantAppointment.available ? [`Consultant posts: ${medical.consultantAppointment.statement}`] : []),
        ]
        : null,
      board: boardReadings(boardFiguresOf(sources), organisation, year, loaded.analyst),
    }));
  });
}
