/**
 * Administration: national WRES figures. An administrator enters, per reporting year and indicator (2, 3 or 4), the
 * national counts NHS England publishes for White and ethnic minority staff, with the publication they come from.
 * Mirror derives the relative likelihood and its interval from the counts (never stores a ratio), and the comparison
 * funnel plots of that year are centred on it instead of the pooled peer figure.
 *
 * Administrators only; every change is audited, a replacement with what it replaced. Forms carry the CSRF token as
 * every other form does (checked for every POST by the authentication plugin). Nothing is saved when anything on
 * the form is wrong: the page comes back with the design system's error summary and each field's error.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NationalIndicator } from '../../store/store.ts';
import { type FormErrors, formBody, textField } from '../../web/auth/forms.ts';
import { requireAdministrator } from '../../web/auth/plugin.ts';
import { pageContext } from '../../web/page-context.ts';
import type { Services } from '../../web/services.ts';
import { countWords, EMPTY_VALUES, FIELDS, type FormValues, fieldId, INDICATOR_WORDS, isNationalIndicator, NATIONAL_INDICATORS, parseNationalFigure, SOURCE_MAX_LENGTH } from './form.ts';
import { figuresByYear, removeFigure, saveFigure } from './service.ts';

const PATH = '/admin/national-figures';

function parseKey(text: unknown): { year: number; indicator: NationalIndicator } | null {
  const match = typeof text === 'string' ? /^(\d{4})-([234])$/.exec(text) : null;
  return match ? { year: Number(match[1]), indicator: match[2] as NationalIndicator } : null;
}

export function registerNationalFigureRoutes(app: FastifyInstance, services: Services): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { submitted?: { indicator: NationalIndicator; values: FormValues }; errors?: FormErrors } = {},
    status = 200,
  ) => {
    const years = await figuresByYear(services);
    const query = request.query as Record<string, unknown>;
    const saved = parseKey(query['saved']);
    const removed = parseKey(query['removed']);
    const forms = NATIONAL_INDICATORS.map((indicator) => {
      const values = extra.submitted?.indicator === indicator ? extra.submitted.values : EMPTY_VALUES;
      const labels = Object.fromEntries((['whitePopulation', 'whiteEvents', 'ethnicMinorityPopulation', 'ethnicMinorityEvents'] as const)
        .map((field) => [field, countWords(field, indicator).label]));
      const ids = Object.fromEntries(FIELDS.map((field) => [field, fieldId(indicator, field)]));
      return {
        indicator, title: INDICATOR_WORDS[indicator].title, values, labels, ids,
        whiteLegend: `White ${INDICATOR_WORDS[indicator].people}`, ethnicMinorityLegend: `Ethnic minority ${INDICATOR_WORDS[indicator].people}`,
      };
    });
    const context = pageContext(request, reply, {
      title: 'National figures',
      adminSection: 'national-figures',
      years,
      forms,
      sourceMaxLength: SOURCE_MAX_LENGTH,
      notice: saved ? `The national figure for indicator ${saved.indicator}, ${saved.year}, has been saved`
        : removed ? `The national figure for indicator ${removed.indicator}, ${removed.year}, has been removed` : null,
      ...(extra.errors ? extra.errors.context() : { errors: [], fieldErrors: {} }),
    });
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(services.render('national-figures/views/national-figures.njk', context));
  };

  const badRequest = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(400).type('text/html; charset=utf-8').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
      title: 'There is a problem with the request', message: 'Use the forms on the national figures page: the indicator must be 2, 3 or 4.',
    })));

  app.get(PATH, async (request, reply) => {
    if (!requireAdministrator(request, reply)) return reply;
    return page(request, reply);
  });

  app.post(PATH, async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const body = formBody(request.body);
    const indicator = textField(body, 'indicator');
    if (!isNationalIndicator(indicator)) return badRequest(request, reply);
    const parsed = parseNationalFigure(indicator, body);
    if (!parsed.ok) return page(request, reply, { submitted: { indicator, values: parsed.values }, errors: parsed.errors }, 400);

    const saved = await saveFigure(services, parsed.figure, admin.id);
    return reply.redirect(`${PATH}?saved=${saved.year}-${saved.indicator}`, 303);
  });

  app.post(`${PATH}/remove`, async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const body = formBody(request.body);
    const key = parseKey(`${textField(body, 'year')}-${textField(body, 'indicator')}`);
    if (!key) return badRequest(request, reply);
    const removed = await removeFigure(services, key.year, key.indicator, admin.id);
    if (!removed) return reply.callNotFound();
    return reply.redirect(`${PATH}?removed=${removed.year}-${removed.indicator}`, 303);
  });
}
