/**
 * The start page, listing the person's organisations with their imported years, and an organisation's address,
 * which opens at its latest year. Membership first: an organisation the person does not belong to answers 404.
 */
import type { FastifyInstance } from 'fastify';
import { requireAdministrator, requireMembership, requireSignedIn } from '../../web/auth/plugin.ts';
import { organisationPath } from '../../web/organisation-year.ts';
import { pageContext } from '../../web/page-context.ts';
import type { Services } from '../../web/services.ts';
import { latestYear, organisationsWithoutMembers, organisationsWithYears, takeAccess } from './service.ts';

export function registerOrganisationRoutes(app: FastifyInstance, services: Services): void {
  app.get('/', async (request, reply) => {
    const user = await requireSignedIn(request, reply);
    if (!user) return reply;
    const organisations = await organisationsWithYears(services, user.memberships);
    const unseen = user.administrator ? await organisationsWithoutMembers(services) : null;
    // A handler of reports (issue 12) is pointed to their cases; nobody else is told that reporting exists here.
    const handlesReports = (await services.store.reporting.handlerOrganisations(user.id)).length > 0;
    return reply.type('text/html').send(services.render('organisations/views/organisations.njk', pageContext(request, reply, { title: 'Your organisations', organisations, unseen, handlesReports })));
  });

  // An administrator takes access to an organisation nobody can see; its page opens next.
  app.post<{ Params: { code: string } }>('/organisations/:code/access', async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const organisation = await takeAccess(services, admin.id, request.params.code);
    if (!organisation) return reply.callNotFound();
    return reply.redirect(`/organisations/${encodeURIComponent(organisation.code)}`, 303);
  });

  app.get<{ Params: { code: string } }>('/organisations/:code', async (request, reply) => {
    const membership = await requireMembership(request, reply, request.params.code);
    if (!membership) return reply;
    const year = await latestYear(services, membership.organisation);
    if (year === null) return reply.redirect('/');
    return reply.redirect(organisationPath(membership.organisation, year));
  });
}
