/**
 * The web application's composition root: security headers, body parsing, static assets, authentication and every
 * route, in that order, each a small function. The services it is handed are built by the composition root
 * (server.ts for the running service, test harnesses for tests). Routes are thin: check access, audit, call a service, render.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { ImportJobs } from '../services/import-jobs.ts';
import { registerInterventionApiRoutes } from '../features/interventions/api-routes.ts';
import { registerCatalogueRoutes } from '../features/interventions/catalogue-routes.ts';
import { registerInterventionRoutes } from '../features/interventions/routes.ts';
import { registerStandardRoutes } from '../features/standards/routes.ts';
import { registerObjectiveApiRoutes } from '../features/objectives/api-routes.ts';
import { registerComplyRoutes } from '../features/objectives/comply-routes.ts';
import { registerObjectiveRoutes } from '../features/objectives/routes.ts';
import { isDatabaseUnavailable } from '../store/database-errors.ts';
import { registerAssets } from './assets.ts';
import { registerAuth } from './auth/plugin.ts';
import { DEFAULT_UPLOAD_LIMITS } from './config.ts';
import { pageContext } from './page-context.ts';
import { DEFAULT_ROUTE_CONCURRENCY, FairAdmission } from './fair-admission.ts';
import { CHARTS_ON_THIS_THREAD, type ChartDrawer, chartThreads } from './charts/index.ts';
import { cspNonce } from './csp-nonce.ts';
import type { AppConfig, Services } from './services.ts';
import { registerApiRoutes } from '../features/api/routes.ts';
import { registerImportRoutes } from '../features/import/routes.ts';
import { MAX_FILES_AT_ONCE } from '../features/import/upload.ts';
import { registerInformationRoutes } from '../features/information/routes.ts';
import { registerOrganisationRoutes } from '../features/organisations/routes.ts';
import { registerWresRoutes } from '../features/wres/routes.ts';
import { registerCompareRoutes } from '../features/compare/routes.ts';
import { registerMedicalRoutes } from '../features/medical/routes.ts';
import { registerOverviewRoutes } from '../features/overview/routes.ts';
import { registerBoardPackRoutes } from '../features/board-pack/routes.ts';
import { registerPublicRoutes } from '../features/publish/public-routes.ts';
import { registerPublishRoutes } from '../features/publish/routes.ts';
import { registerEdsRoutes } from '../features/eds/routes.ts';
import { registerInclusiveHrRoutes } from '../features/inclusive-hr/routes.ts';
import { registerHighImpactActionRoutes } from '../features/high-impact-actions/routes.ts';
import { registerRegionRoutes } from '../features/regions/routes.ts';
import { registerPayGapRoutes } from '../features/paygap/routes.ts';
import { registerWdesRoutes } from '../features/wdes/routes.ts';
import { registerReturnRoutes } from '../features/returns/routes.ts';
import { registerTargetsRoutes } from '../features/targets/routes.ts';
import { registerMonthlyRoutes } from '../features/monthly/routes.ts';
import { registerNationalFigureRoutes } from '../features/national-figures/routes.ts';
import { registerReportingAdminRoutes } from '../features/reporting/admin-routes.ts';
import { registerCaseRoutes } from '../features/reporting/case-routes.ts';
import { registerReportingRoutes } from '../features/reporting/routes.ts';
import { registerTrendRoutes } from '../features/reporting/trends-routes.ts';
import { registerNetworkRoutes } from '../features/networks/routes.ts';
import { registerPulseRoutes } from '../features/networks/public-routes.ts';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `'unqueued'`: this route is not held to a few requests at a time (fair-admission.ts): an upload spends its time
     * receiving a person's files at the pace of their connection, and the import itself has its own queue of jobs.
     */
    admission?: 'unqueued';
  }
  interface FastifyInstance {
    readonly registeredRoutes: readonly RegisteredRoute[];
    /** Each route's requests in work and waiting (fair-admission.ts). */
    readonly admission: FairAdmission;
    /** Where the charts of pages of an organisation's year are drawn (charts/off-thread.ts). */
    readonly charts: ChartDrawer;
  }
}

/** Fields that could carry personal or secret data never reach the logs. */
export const LOG_REDACTIONS = [
  'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'req.query.token', 'req.body',
];

export async function createApp(services: Services, config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: LOG_REDACTIONS, censor: '[withheld]' },
      // Only the path is logged, never the query string, which may hold a sign-in token.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
      },
    },
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  });

  // Every route, as registered, so the access-control test can walk all of them and none is missed.
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.decorate('registeredRoutes', routes);

  // First, so that plugins registered after it (rate-limited sign-in, and the rest) inherit it: a plugin keeps the
  // error handler its parent had when it was registered.
  registerFaultHandler(app, services, config);
  registerFairAdmission(app, config);
  registerChartThreads(app, config);
  await registerSecurityHeaders(app, config);
  await app.register(formbody);
  await registerAssets(app);
  await registerAuth(app, services, config);
  const limits = config.limits ?? DEFAULT_UPLOAD_LIMITS;
  // One file per kind the import form offers: a lower limit refuses every upload from the form.
  await app.register(multipart, { limits: { fileSize: limits.maxUploadBytes, files: MAX_FILES_AT_ONCE, fields: 20 } });
  registerHealth(app, services);
  registerInformationRoutes(app, services);
  registerOrganisationRoutes(app, services);
  registerWresRoutes(app, services);
  registerWdesRoutes(app, services);
  registerReturnRoutes(app, services);
  registerMedicalRoutes(app, services);
  registerPayGapRoutes(app, services);
  registerOverviewRoutes(app, services);
  registerBoardPackRoutes(app, services);
  registerPublishRoutes(app, services);
  registerPublicRoutes(app, services, config);
  registerRegionRoutes(app, services);
  registerCompareRoutes(app, services);
  registerTargetsRoutes(app, services);
  registerApiRoutes(app, services, config);
  registerStandardRoutes(app, services);
  registerObjectiveRoutes(app, services);
  registerComplyRoutes(app, services);
  registerObjectiveApiRoutes(app, services);
  const jobs = new ImportJobs({ storeConfig: services.storeConfig, key: services.pseudonymKey, clock: services.clock, limits });
  app.addHook('onClose', () => jobs.close());
  registerImportRoutes(app, services, jobs, limits);
  registerMonthlyRoutes(app, services);
  registerNationalFigureRoutes(app, services);
  registerCatalogueRoutes(app, services);
  registerInterventionRoutes(app, services);
  registerInterventionApiRoutes(app, services);
  registerEdsRoutes(app, services);
  registerInclusiveHrRoutes(app, services);
  registerHighImpactActionRoutes(app, services);
  registerReportingRoutes(app, services, config);
  registerCaseRoutes(app, services);
  registerReportingAdminRoutes(app, services);
  registerTrendRoutes(app, services);
  registerNetworkRoutes(app, services);
  registerPulseRoutes(app, services);
  registerNotFound(app, services);
  return app;
}

/**
 * Before every other hook, so a request waiting its turn has cost nothing yet (no session read, no headers made):
 * each route works a few requests at a time and the rest wait in its own queue (fair-admission.ts), so a flood of one
 * page cannot hold up the others. A request's place is given up when its response closes, answered or abandoned.
 */
function registerFairAdmission(app: FastifyInstance, config: AppConfig): void {
  const admission = new FairAdmission(config.routeConcurrency ?? DEFAULT_ROUTE_CONCURRENCY);
  app.decorate('admission', admission);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.admission === 'unqueued') return;
    const release = await admission.admit(`${request.method} ${request.routeOptions.url ?? '(no route)'}`, request.signal);
    reply.raw.once('close', release);
  });
}

/** The chart threads (config.chartThreads; none, so the event loop, when not given), stopped when the app closes. */
function registerChartThreads(app: FastifyInstance, config: AppConfig): void {
  const threads = config.chartThreads ?? 0;
  const charts = threads > 0 ? chartThreads(threads) : CHARTS_ON_THIS_THREAD;
  app.decorate('charts', charts);
  app.addHook('onClose', () => charts.close());
}

async function registerSecurityHeaders(app: FastifyInstance, config: AppConfig): Promise<void> {
  const secure = config.baseUrl.startsWith('https://');
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: secure,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

function registerHealth(app: FastifyInstance, services: Services): void {
  app.get('/healthz', async (_request, reply) => {
    try {
      await services.store.organisations.all();
      return reply.send({ status: 'ok' });
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}

const PLAIN_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Something in the request was not as expected. Go back and try again.',
  403: 'You do not have access to do that, or the form had expired. Go back, reload the page and try again.',
  415: 'That kind of upload is not accepted. Choose .csv or .xlsx files.',
  429: 'There have been too many attempts. Wait a few minutes and try again.',
};

function registerNotFound(app: FastifyInstance, services: Services): void {
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found' });
    // With the page context, so someone signed in keeps the header's navigation and sign-out on a missing page.
    return reply.code(404).type('text/html').send(services.render('pages/not-found.njk', pageContext(request, reply, { title: 'Page not found' })));
  });
}

function registerFaultHandler(app: FastifyInstance, services: Services, config: AppConfig): void {
  app.setErrorHandler((fault: unknown, request, reply) => {
    // A long read (the regional view, comparisons) stops between organisations once the client has gone
    // (request.signal): nobody is waiting for an answer, and it is no fault.
    if (fault instanceof Error && fault.name === 'AbortError' && request.signal.aborted) {
      request.log.info('client gone; its work stopped');
      return reply.code(499).send();
    }
    if (isDatabaseUnavailable(fault)) return databaseUnavailable(services, request, reply, fault);
    const error = fault instanceof Error ? fault : new Error(String(fault));
    const status = (fault as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'unexpected fault');
    if (request.url.startsWith('/api/')) return reply.code(status).send({ error: status >= 500 ? 'unexpected fault' : error.message });
    const detail = config.showFaultDetails && status >= 500 ? error.stack ?? error.message : null;
    const template = status >= 500 ? 'pages/fault.njk' : 'pages/request-problem.njk';
    const title = status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem with the request';
    // Library messages ("reach files limit") mean nothing to a person; say what happened in plain words.
    const message = status === 413
      ? `The upload is too large: each file can be up to ${Math.floor((config.limits ?? DEFAULT_UPLOAD_LIMITS).maxUploadBytes / (1024 * 1024))} MB, and an import takes one file of each kind.`
      : PLAIN_MESSAGES[status] ?? 'The request could not be handled. Go back and try again.';
    // Rendered with the page context where the request got far enough to have one, so navigation and sign-out stay.
    const context = request.csrfToken === undefined
      ? { title, detail, message, cspNonce: cspNonce(reply) }
      : pageContext(request, reply, { title, detail, message });
    return reply.code(status).type('text/html').send(services.render(template, context));
  });
}

/** What the API says when the database cannot answer; the page says the same in more words. */
export const DATABASE_UNAVAILABLE = 'the database is not available just now; try again in a moment';

/**
 * The database dropped the connection, is restarting, or is held by another writer: a 503 that says to try again,
 * not a fault. The next request gets a fresh connection, so nothing more needs doing here.
 */
function databaseUnavailable(services: Services, request: FastifyRequest, reply: FastifyReply, fault: unknown): FastifyReply {
  const code = (fault as { code?: unknown }).code;
  request.log.warn({ code: typeof code === 'string' ? code : undefined, message: fault instanceof Error ? fault.message : undefined }, 'database unavailable');
  reply.code(503).header('retry-after', '5');
  if (request.url.startsWith('/api/')) return reply.send({ error: DATABASE_UNAVAILABLE });
  const title = 'Sorry, the service is not available just now';
  const context = request.csrfToken === undefined ? { title, cspNonce: cspNonce(reply) } : pageContext(request, reply, { title });
  return reply.type('text/html').send(services.render('pages/unavailable.njk', context));
}
