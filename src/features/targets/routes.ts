/**
 * Model Employer-style targets and trajectories for an organisation, from every loaded year up to the one asked for
 * (docs/methodology.md, "Targets and trajectories"; Mirror's reading, Unverified), on a page and as a CSV download:
 * for ethnic minority staff (WRES) and, by the same method, for Disabled staff (WDES). Same rules as the other
 * pages: membership first (404 otherwise), every view and export audited. `?goal=` sets a local population share,
 * validated. The download withholds counts of 1 to 7 and every figure derived from them (presenters.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_LABELS } from '../../core/targets/model-employer.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { auditAccess, loadOrganisationYear, organisationPath, renderPage } from '../../web/organisation-year.ts';
import { sendYearPage } from '../../web/private-revalidation.ts';
import type { Services } from '../../web/services.ts';
import { bandChartsOf, targetsCsvHeader, targetsCsvRowsOf } from './presenters.ts';
import { parseGoal, targetsTo, WDES_TARGETS, WRES_TARGETS, type TargetsSource } from './service.ts';

interface Params { code: string; year: string }

/** A standard's targets pages: where they are and the targets they show. */
interface TargetsFamily<F extends string> {
  readonly standard: 'WRES' | 'WDES';
  /** Path under the organisation's year: "" for WRES, "/wdes" for WDES. */
  readonly prefix: string;
  readonly source: TargetsSource<F>;
}

const WRES_FAMILY: TargetsFamily<'ethnicMinority'> = { standard: 'WRES', prefix: '', source: WRES_TARGETS };
const WDES_FAMILY: TargetsFamily<'disabled'> = { standard: 'WDES', prefix: '/wdes', source: WDES_TARGETS };

type TargetsRequest = FastifyRequest<{ Params: Params; Querystring: { goal?: string } }>;

/** Membership first (404 otherwise), then every loaded year up to the one asked for (404 with none); null once replied. */
async function loadTargets<F extends string>(services: Services, family: TargetsFamily<F>, request: TargetsRequest, reply: FastifyReply) {
  const loaded = await loadOrganisationYear(services, request, reply);
  if (!loaded) return null;
  const { organisation, year } = loaded;
  const goal = parseGoal(request.query.goal);
  const result = await targetsTo(services, family.source, organisation.id, year, goal.ok ? goal.value : null, loaded.current);
  if (result === null) {
    await reply.callNotFound();
    return null;
  }
  return { organisationYear: loaded, organisation, year, goal, result, standardBase: `${organisationPath(organisation, year)}${family.prefix}` };
}

function auditSubject(family: TargetsFamily<string>, year: number): string {
  return family.standard === 'WRES' ? `targets/${year}` : `wdes/${year}/targets`;
}

function registerFamily<F extends string>(app: FastifyInstance, services: Services, family: TargetsFamily<F>): void {
  const group = family.source.group;
  app.get<{ Params: Params; Querystring: { goal?: string } }>(`/organisations/:code/:year${family.prefix}/targets`, async (request, reply) => {
    const loaded = await loadTargets(services, family, request, reply);
    if (!loaded) return reply;
    const { organisation, year, goal, result, standardBase } = loaded;
    await auditAccess(services, request, 'view', organisation, auditSubject(family, year));
    const context = () => ({
      title: `${goal.ok ? '' : 'Error: '}${family.standard === 'WRES' ? '' : 'WDES '}Targets and trajectories ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: standardBase, text: `${family.standard} ${year}` }],
      organisation, year, base: standardBase, standard: family.standard, focusKey: group.key, focusInSentence: group.adjective,
      targets: result.ok ? result.value : null,
      charts: result.ok ? bandChartsOf(group, result.value, family.standard === 'WRES' ? 'targets' : 'wdes-targets') : [],
      reason: result.ok ? null : result.reason,
      statusLabels: STATUS_LABELS,
      goalValue: typeof request.query.goal === 'string' ? request.query.goal : '',
      errors: goal.ok ? [] : [{ text: goal.message, href: '#goal' }],
      goalError: goal.ok ? null : goal.message,
      csvHref: `${standardBase}/targets.csv${goal.ok && goal.value !== null ? `?goal=${encodeURIComponent(String(goal.value))}` : ''}`,
    });
    // The page revalidates, and a viewer's is kept rendered, like the other report pages (its address holds the goal;
    // the targets are its input); one with an error in its goal is answered afresh (400).
    if (goal.ok) return sendYearPage(services, request, reply, loaded.organisationYear, 'targets/views/targets.njk', [result], context);
    reply.code(400);
    return renderPage(services, request, reply, 'targets/views/targets.njk', context());
  });

  app.get<{ Params: Params; Querystring: { goal?: string } }>(`/organisations/:code/:year${family.prefix}/targets.csv`, async (request, reply) => {
    const loaded = await loadTargets(services, family, request, reply);
    if (!loaded) return reply;
    const { organisation, year, goal, result } = loaded;
    if (!goal.ok) {
      reply.code(400);
      return renderPage(services, request, reply, 'pages/request-problem.njk', {
        title: 'There is a problem with the request', message: `${goal.message}. Choose the goal on the targets page and download the figures from there.`,
      });
    }
    const rows = result.ok ? targetsCsvRowsOf(group, result.value) : [];
    await auditAccess(services, request, 'export', organisation, `${auditSubject(family, year)}.csv`, {
      withheld: rows.filter((r) => r[r.length - 1] !== '').length,
    });
    const name = `${family.standard === 'WRES' ? '' : 'wdes-'}targets-${organisation.code}-${year}.csv`;
    return sendCsv(reply, name, csvText(targetsCsvHeader(group), rows));
  });
}

export function registerTargetsRoutes(app: FastifyInstance, services: Services): void {
  registerFamily(app, services, WRES_FAMILY);
  registerFamily(app, services, WDES_FAMILY);
}
