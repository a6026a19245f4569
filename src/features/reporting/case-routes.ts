/**
 * Case handling (issue 12, item 5), for people who hold a handler role in an organisation. Anyone else, signed in,
 * gets "not found" for an organisation's cases and for any case not theirs to see (see case-service.ts).
 * - GET  /cases                     the organisations where the person handles reports
 * - GET  /cases/:code               the cases they can see there (no content)
 * - GET  /cases/:code/:id           one case: the report, any contact (assigned handler only), the conversation and
 *   notes; audited as a view
 * - POST /cases/:code/:id/messages  a reply the reporter reads; /notes a note for handlers only; /status a new
 *   status (closing with an outcome); /assign to another handler. Each audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../web/auth/plugin.ts';
import { formFields, idParam } from '../../web/act-access.ts';
import { renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { addHandlerMessage, assignCase, caseAudit, caseDetails, caseList, changeStatus, type Handling, handlingOf, visibleCase } from './case-service.ts';
import type { FormProblem } from './service.ts';

type CaseRequest = FastifyRequest<{ Params: { code: string; id?: string } }>;

export function registerCaseRoutes(app: FastifyInstance, services: Services): void {
  const handlingFor = async (request: CaseRequest, reply: FastifyReply): Promise<Handling | null> => {
    const user = requireSignedIn(request, reply);
    if (!user) return null;
    const handling = await handlingOf(services.store, request.params.code, user.id);
    if (!handling) await reply.callNotFound();
    return handling;
  };

  const caseFor = async (request: CaseRequest, reply: FastifyReply) => {
    const handling = await handlingFor(request, reply);
    if (!handling) return null;
    const id = idParam(request.params.id);
    const found = id === null ? null : await visibleCase(services.store, handling, id);
    if (!found) {
      await reply.callNotFound();
      return null;
    }
    return { handling, reportCase: found };
  };

  const casePath = (handling: Handling, id: number) => `/cases/${encodeURIComponent(handling.organisation.code)}/${id}`;

  const casePage = async (request: CaseRequest, reply: FastifyReply, handling: Handling, reportCase: Parameters<typeof caseDetails>[2], problems: readonly FormProblem[] = [], values: Record<string, string> = {}) => {
    const details = await caseDetails(services, handling, reportCase);
    await caseAudit(services.store, handling, 'report-case-viewed', reportCase.id);
    const fieldErrors: Record<string, string> = {};
    for (const p of problems) fieldErrors[p.field] ??= p.message;
    reply.code(problems.length ? 400 : 200).header('cache-control', 'no-store');
    return renderPage(services, request, reply, 'reporting/views/case.njk', {
      title: `Case ${reportCase.id}`,
      organisation: handling.organisation,
      c: details,
      action: casePath(handling, reportCase.id),
      breadcrumbs: [{ href: '/cases', text: 'Cases' }, { href: `/cases/${encodeURIComponent(handling.organisation.code)}`, text: handling.organisation.name }],
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
      fieldErrors,
      values,
    });
  };

  app.get('/cases', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const organisations = await services.store.reporting.handlerOrganisations(user.id);
    reply.header('cache-control', 'no-store');
    return renderPage(services, request, reply, 'reporting/views/handling.njk', { title: 'Reports you handle', organisations: organisations.map((o) => o.organisation) });
  });

  app.get('/cases/:code', async (request: CaseRequest, reply) => {
    const handling = await handlingFor(request, reply);
    if (!handling) return reply;
    const cases = await caseList(services.store, handling);
    await services.store.audit.record({ userId: handling.userId, action: 'view', organisationId: handling.organisation.id, subject: 'report-cases', details: { cases: cases.length } });
    reply.header('cache-control', 'no-store');
    return renderPage(services, request, reply, 'reporting/views/cases.njk', {
      title: `Cases at ${handling.organisation.name}`, organisation: handling.organisation, cases,
      base: `/cases/${encodeURIComponent(handling.organisation.code)}`, breadcrumbs: [{ href: '/cases', text: 'Cases' }],
    });
  });

  app.get('/cases/:code/:id', async (request: CaseRequest, reply) => {
    const found = await caseFor(request, reply);
    if (!found) return reply;
    return casePage(request, reply, found.handling, found.reportCase);
  });

  const action = (path: string, run: (found: NonNullable<Awaited<ReturnType<typeof caseFor>>>, fields: Record<string, string>) => Promise<FormProblem | null>) => {
    app.post(`/cases/:code/:id/${path}`, async (request: CaseRequest, reply) => {
      const found = await caseFor(request, reply);
      if (!found) return reply;
      const fields = formFields(request.body, ['message', 'note', 'status', 'outcome', 'assignee'], 6000);
      const problem = await run(found, fields);
      if (problem) return casePage(request, reply, found.handling, found.reportCase, [problem], fields);
      // After reassigning, the case may no longer be this person's to see.
      const stillVisible = await visibleCase(services.store, found.handling, found.reportCase.id);
      return reply.redirect(stillVisible ? casePath(found.handling, found.reportCase.id) : `/cases/${encodeURIComponent(found.handling.organisation.code)}`, 303);
    });
  };
  action('messages', (f, fields) => addHandlerMessage(services, f.handling, f.reportCase, 'handler', fields['message'] ?? ''));
  action('notes', (f, fields) => addHandlerMessage(services, f.handling, f.reportCase, 'note', fields['note'] ?? ''));
  action('status', (f, fields) => changeStatus(services.store, f.handling, f.reportCase, fields['status'] ?? '', fields['outcome'] ?? '', services.clock()));
  action('assign', (f, fields) => assignCase(services.store, f.handling, f.reportCase, idParam(fields['assignee']) ?? 0));
}
