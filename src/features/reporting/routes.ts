/**
 * Reporting racism and discrimination, the reporter's pages (issue 12). No sign-in; nothing about the person's
 * device is kept or logged: each route's log level is "silent", so Fastify writes no request line for them (the
 * app's logs never hold an address or browser anyway, see LOG_REDACTIONS in web/app.ts), and the service is never
 * handed the request. Every page is sent with `Cache-Control: no-store`, so the browser keeps no copy of a receipt
 * or a conversation to go back to.
 * - GET  /report/:code           the form (404 for an unknown organisation); POST submits and shows the receipt once
 * - GET  /report/:code/about     what the organisation can and cannot see, in plain words
 * - GET  /report/follow-up       enter the receipt; POST (the receipt, and a message if one is written) shows the
 *   conversation and adds the message. Nothing is remembered between visits: no cookie holds the receipt.
 * Forms carry the CSRF token every signed-out form has (a signed random value in the `mirror_csrf` session
 * cookie, also in the form; see web/auth/csrf.ts), which is all the cookies these pages set.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_STATUSES, CLOSING_OUTCOMES } from '../../core/reporting/cases.ts';
import { formFields } from '../../web/act-access.ts';
import { renderPage } from '../../web/organisation-year.ts';
import type { AppConfig, Services } from '../../web/services.ts';
import { notifyHandlers } from './notify-service.ts';
import type { Organisation } from '../../store/store.ts';
import {
  caseForReceipt, discloseIdentity, type FormProblem, MAX_REPORT_CHARACTERS, reportFormChoices, reporterReply, reporterView, reportProblems, submitReport,
} from './service.ts';

type CodeRequest = FastifyRequest<{ Params: { code: string } }>;
/** No request lines in the logs for these routes. */
const QUIET = { logLevel: 'silent' } as const;
const FORM_FIELDS = ['route', 'category', 'directorate', 'wanted', 'content', 'contact'] as const;
/** Reports an organisation's form accepts in an hour, counted for the organisation, not for whoever sends them. */
export const REPORTS_PER_HOUR = 60;

function errorsOf(problems: readonly FormProblem[]) {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  return { errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })), fieldErrors };
}

export function registerReportingRoutes(app: FastifyInstance, services: Services, config: Pick<AppConfig, 'baseUrl'>): void {
  /** Emails the handlers after the reply, never holding it up; failures are dropped (nothing is logged here). */
  const notifyLater = (organisationId: number, caseId: number) => {
    setImmediate(() => {
      notifyHandlers(services.store, services.mailer, config.baseUrl, organisationId, caseId).catch(() => undefined);
    });
  };

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, context: { title: string } & Record<string, unknown>, status = 200) => {
    reply.code(status).header('cache-control', 'no-store');
    return renderPage(services, request, reply, `reporting/views/${template}`, context);
  };

  const organisationFor = async (request: CodeRequest, reply: FastifyReply): Promise<Organisation | null> => {
    const organisation = /^[A-Za-z0-9-]{1,20}$/.test(request.params.code) ? await services.store.organisations.byCode(request.params.code) : null;
    if (!organisation) await reply.callNotFound();
    return organisation;
  };

  const formPage = async (request: CodeRequest, reply: FastifyReply, organisation: Organisation, values: Record<string, string>, problems: readonly FormProblem[]) => {
    const choices = await reportFormChoices(services.store, organisation);
    const item = (value: string, text: string, hint?: string) => ({ value, text, checked: values['route'] === value || values['category'] === value || values['wanted'] === value, ...(hint ? { hint: { text: hint } } : {}) });
    return page(request, reply, 'report-form.njk', {
      title: `Report racism or discrimination at ${organisation.name}`,
      organisation,
      action: `/report/${encodeURIComponent(organisation.code)}`,
      aboutHref: `/report/${encodeURIComponent(organisation.code)}/about`,
      routes: choices.routes.map((r) => item(r.value, r.text, r.hint)),
      categories: choices.categories.map((c) => item(c.key, c.label)),
      directorates: [{ value: '', text: 'I would rather not say' }, ...choices.directorates.map((d) => ({ value: d.key, text: d.label, selected: values['directorate'] === d.key }))],
      outcomes: choices.outcomes.map((o) => item(o.value, o.text)),
      maxCharacters: MAX_REPORT_CHARACTERS,
      values,
      ...errorsOf(problems),
    }, problems.length ? 400 : 200);
  };

  app.get('/report/:code', QUIET, async (request: CodeRequest, reply) => {
    const organisation = await organisationFor(request, reply);
    if (!organisation) return reply;
    return formPage(request, reply, organisation, { route: 'anonymous' }, []);
  });

  app.post('/report/:code', {
    ...QUIET,
    config: { rateLimit: { max: REPORTS_PER_HOUR, timeWindow: '1 hour', keyGenerator: (request: FastifyRequest) => `report:${(request.params as { code?: string }).code ?? ''}` } },
  }, async (request: CodeRequest, reply) => {
    const organisation = await organisationFor(request, reply);
    if (!organisation) return reply;
    // Files are refused: a body that is not a plain form never reaches here (415), and no field takes one.
    const values = formFields(request.body, FORM_FIELDS, MAX_REPORT_CHARACTERS + 1);
    const form = { route: values['route'] ?? '', category: values['category'] ?? '', directorate: values['directorate'] ?? '', wanted: values['wanted'] ?? '', content: values['content'] ?? '', contact: values['contact'] ?? '' };
    const problems = await reportProblems(services.store, organisation, form);
    if (problems.length) return formPage(request, reply, organisation, values, problems);
    const { receipt, caseId } = await submitReport(services, organisation, form);
    notifyLater(organisation.id, caseId);
    return page(request, reply, 'receipt.njk', { title: 'Your report has been sent', organisation, receipt, anonymous: form.route === 'anonymous' });
  });

  app.get('/report/:code/about', QUIET, async (request: CodeRequest, reply) => {
    const organisation = await organisationFor(request, reply);
    if (!organisation) return reply;
    return page(request, reply, 'about.njk', { title: `What ${organisation.name} can and cannot see when you report`, organisation, formHref: `/report/${encodeURIComponent(organisation.code)}` });
  });

  app.get('/report/follow-up', QUIET, async (request, reply) =>
    page(request, reply, 'follow-up.njk', { title: 'Read replies to your report', values: {} }));

  app.post('/report/follow-up', QUIET, async (request, reply) => {
    const values = formFields(request.body, ['receipt', 'message', 'contact', 'identify'], 6000);
    const receipt = values['receipt'] ?? '';
    const found = await caseForReceipt(services, receipt);
    if (found.kind === 'limited') {
      return page(request, reply, 'follow-up.njk', {
        title: 'Read replies to your report', values: {}, limited: true,
        ...errorsOf([{ field: 'receipt', message: 'Too many receipts that do not match have been entered. Wait 15 minutes and try again.' }]),
      }, 429);
    }
    if (found.kind === 'not-found') {
      return page(request, reply, 'follow-up.njk', {
        title: 'Read replies to your report', values: {},
        ...errorsOf([{ field: 'receipt', message: 'No report has that receipt. Check each character and try again.' }]),
      }, 400);
    }
    let problem: FormProblem | null = null;
    let sent = false;
    let identified = false;
    if (values['identify'] === 'yes') {
      problem = await discloseIdentity(services, found.reportCase, values['contact'] ?? '');
      identified = problem === null;
    } else if ((values['message'] ?? '') !== '' || 'send' in ((request.body as Record<string, unknown>) ?? {})) {
      problem = await reporterReply(services, found.reportCase, values['message'] ?? '');
      sent = problem === null;
      if (sent) notifyLater(found.reportCase.organisationId, found.reportCase.id);
    }
    const view = await reporterView(services, (await services.store.reporting.caseById(found.reportCase.organisationId, found.reportCase.id)) ?? found.reportCase);
    return page(request, reply, 'conversation.njk', {
      title: 'Your report',
      view,
      receipt,
      sent,
      identified,
      statusText: CASE_STATUSES.find((s) => s.value === view.status)?.text ?? view.status,
      outcomeText: view.closingOutcome === null ? null : CLOSING_OUTCOMES.find((o) => o.value === view.closingOutcome)?.text,
      values: { message: problem?.field === 'message' ? values['message'] : '', contact: problem?.field === 'contact' ? values['contact'] : '' },
      ...errorsOf(problem ? [problem] : []),
    }, problem ? 400 : 200);
  });
}
