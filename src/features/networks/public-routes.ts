/**
 * A staff network's anonymous pulse question, answered with no sign-in (issue 12, item 9), under the same rules as
 * the reporting form (/report/): each route's log level is "silent", so no request line is written; the service is
 * never handed the request, so no address, browser or time reaches it; an answer only adds one to its option's
 * tally (no row, no day, no order); pages are sent with `Cache-Control: no-store`; the only cookie is the CSRF
 * token's every signed-out form has. Answers are not audited (an audit record carries the exact time).
 * - GET  /networks/:code/:id/pulse/:qid   the question while it is open; its results once it has closed
 * - POST /networks/:code/:id/pulse/:qid   one answer; the thank-you page says nothing of the results
 * Nothing stops one person answering twice: that would need something that recognises them. Answering is limited
 * to 120 an hour for each question, counted for the question, not for whoever answers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields, idParam } from '../../web/act-access.ts';
import { renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { questionResults } from './present.ts';
import { answerPulse, publicQuestion } from './service.ts';

type PulseRequest = FastifyRequest<{ Params: { code: string; id: string; qid: string } }>;
const QUIET = { logLevel: 'silent' } as const;
export const ANSWERS_PER_HOUR = 120;

export function registerPulseRoutes(app: FastifyInstance, services: Services): void {
  const load = async (request: PulseRequest, reply: FastifyReply) => {
    const networkId = idParam(request.params.id);
    const questionId = idParam(request.params.qid);
    const found = networkId === null || questionId === null ? null : await publicQuestion(services, request.params.code, networkId, questionId);
    if (!found) await reply.callNotFound();
    return found;
  };

  const page = (request: PulseRequest, reply: FastifyReply, found: NonNullable<Awaited<ReturnType<typeof load>>>, extra: Record<string, unknown>, status = 200) => {
    reply.code(status).header('cache-control', 'no-store');
    const { view, network, organisation } = found;
    return renderPage(services, request, reply, 'networks/views/pulse.njk', {
      title: view.question.question, organisation, network, state: view.state, question: view.question,
      options: view.question.options.map((text, i) => ({ value: String(i), text })), results: questionResults(view),
      action: `/networks/${encodeURIComponent(organisation.code)}/${network.id}/pulse/${view.question.id}`, ...extra,
    });
  };

  app.get('/networks/:code/:id/pulse/:qid', QUIET, async (request: PulseRequest, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    return page(request, reply, found, {});
  });

  app.post('/networks/:code/:id/pulse/:qid', {
    ...QUIET,
    config: { rateLimit: { max: ANSWERS_PER_HOUR, timeWindow: '1 hour', keyGenerator: (request: FastifyRequest) => `pulse:${(request.params as { qid?: string }).qid ?? ''}` } },
  }, async (request: PulseRequest, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    if (found.view.state !== 'open') return page(request, reply, found, {}, 409);
    const { answer } = formFields(request.body, ['answer'], 4);
    if (!(await answerPulse(services, found.view, answer ?? ''))) {
      return page(request, reply, found, { errors: [{ text: 'Choose an answer', href: '#answer' }], fieldErrors: { answer: 'Choose an answer' } }, 400);
    }
    return page(request, reply, found, { answered: true });
  });
}
