/**
 * The public pages and open data of published reports (issue 13): no sign-in, no cookies (the auth plugin leaves
 * /public/ alone, so neither a session nor a CSRF cookie is read or set), no tracking, and no audit of who reads
 * them (they are public; a record of readers would be tracking). Every answer carries an ETag (a hash of the body)
 * and Cache-Control: a version's data never changes, so it is cached for a year; a version's page for a day (the
 * page's design may improve); the latest version and the lists for five minutes. The page's Content-Security-Policy
 * allows its inline script by hash rather than by a nonce, so the same bytes can be served again.
 * - GET /public/data                          every published organisation, with the combined CSV
 * - GET /public/data/figures.csv              the latest version of every published year, every organisation
 * - GET /public/data/datapackage.json
 * - GET /public/:code                         an organisation's published years and versions (404 when none)
 * - GET /public/:code/:year                   the year's latest version (404 when unpublished)
 * - GET /public/:code/:year/:version          "v1", "v2": that version, with its correction note
 * - GET /public/:code/:year/:version/:file    datapackage.json, report.json, figures.csv, objectives.csv, evaluations.csv,
 *                                             eds.csv, reports.csv (when the version has reports to show)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FIGURES_SCHEMA, dataPackage, figureRows, resources } from '../../core/publish/open-data.ts';
import { csvText } from '../../web/csv-download.ts';
import { PUBLIC_CACHE, sendCached, sendPublicPage } from '../../web/public-response.ts';
import type { AppConfig, Services } from '../../web/services.ts';
import { publicPath, reportView, versionsView } from './present.ts';
import { everyLatestVersion, publishedOrganisation, publishedVersion } from './service.ts';

const CACHE = PUBLIC_CACHE;

export function registerPublicRoutes(app: FastifyInstance, services: Services, config: Pick<AppConfig, 'baseUrl'>): void {
  const absolute = (path: string) => `${config.baseUrl.replace(/\/$/, '')}${path}`;
  const page = (request: FastifyRequest, reply: FastifyReply, template: string, context: Record<string, unknown>, cacheControl: string) =>
    sendPublicPage(services, request, reply, template, context, cacheControl);

  app.get('/public/data', async (request, reply) => {
    const latest = await everyLatestVersion(services);
    const organisations = new Map<string, { code: string; name: string; synthetic: boolean; years: { year: number; version: number; href: string }[] }>();
    for (const p of latest) {
      const o = p.report.organisation;
      const entry = organisations.get(o.code) ?? { code: o.code, name: o.name, synthetic: o.synthetic, years: [] };
      entry.years.push({ year: p.year, version: p.version!, href: publicPath(o.code, p.year) });
      organisations.set(o.code, entry);
    }
    return page(request, reply, 'publish/views/data.njk', {
      title: 'Published workforce equality data', organisations: [...organisations.values()], csvHref: '/public/data/figures.csv', packageHref: '/public/data/datapackage.json',
    }, CACHE.changing);
  });

  app.get('/public/data/figures.csv', async (request, reply) => {
    const rows = (await everyLatestVersion(services)).flatMap((p) => figureRows(p.report, { code: p.report.organisation.code, year: p.year, version: p.version! }));
    return sendCached(request, reply, csvText(FIGURES_SCHEMA.fields.map((f) => f.name), rows), 'text/csv; charset=utf-8', CACHE.changing, 'figures.csv');
  });

  app.get('/public/data/datapackage.json', async (request, reply) => {
    const descriptor = dataPackage({
      name: 'mirror-published-workforce-equality', title: 'Published workforce equality figures, every organisation',
      description: 'The headline figures of the latest published version of every organisation\'s every published year. Counts of 1 to 7, and every figure resting on one, are withheld.',
      homepage: absolute('/public/data'), created: services.clock().toISOString().slice(0, 10), version: 'latest',
    }, [{ name: 'figures', path: 'figures.csv', title: 'Headline figures of every standard', schema: FIGURES_SCHEMA }]);
    return sendCached(request, reply, `${JSON.stringify(descriptor, null, 2)}\n`, 'application/json; charset=utf-8', CACHE.changing);
  });

  app.get<{ Params: { code: string } }>('/public/:code', async (request, reply) => {
    const found = await publishedOrganisation(services, request.params.code);
    if (!found) return reply.callNotFound();
    const { organisation, versions } = found;
    const years = [...new Set(versions.map((v) => v.year))].map((year) => ({
      year, href: publicPath(organisation.code, year), versions: versionsView(organisation.code, versions.filter((v) => v.year === year), null),
    }));
    return page(request, reply, 'publish/views/organisation.njk', {
      title: `Published reports: ${organisation.name}`, synthetic: organisation.synthetic, organisation, years, dataHref: '/public/data',
    }, CACHE.changing);
  });

  async function loadVersion(request: FastifyRequest<{ Params: { code: string; year: string; version?: string } }>) {
    const { code, year: rawYear, version: rawVersion } = request.params;
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : null;
    const version = rawVersion === undefined ? null : /^v[1-9]\d{0,5}$/.test(rawVersion) ? Number(rawVersion.slice(1)) : undefined;
    if (year === null || version === undefined) return null;
    const found = await publishedOrganisation(services, code);
    if (!found) return null;
    const published = await publishedVersion(services, found.organisation.id, year, version);
    return published ? { ...found, published, latest: version === null } : null;
  }

  async function reportPage(request: FastifyRequest<{ Params: { code: string; year: string; version?: string } }>, reply: FastifyReply) {
    const loaded = await loadVersion(request);
    if (!loaded) return reply.callNotFound();
    const { organisation, published, versions, latest } = loaded;
    const { report, year } = published;
    const version = published.version!;
    const base = publicPath(organisation.code, year, version);
    const yearVersions = versions.filter((v) => v.year === year);
    return page(request, reply, 'publish/views/report.njk', {
      title: `Workforce equality report ${year}: ${report.organisation.name}`, synthetic: report.organisation.synthetic,
      breadcrumbs: [{ href: publicPath(organisation.code), text: `${report.organisation.name}: published reports` }],
      report, year, version, latestVersion: yearVersions[0]?.version ?? version, isLatest: version === (yearVersions[0]?.version ?? version),
      publishedOn: published.publishedAt?.toISOString().slice(0, 10) ?? '', correctionNote: published.correctionNote,
      versions: versionsView(organisation.code, yearVersions, version), listHref: publicPath(organisation.code),
      files: {
        datapackage: `${base}/datapackage.json`, json: `${base}/report.json`, figures: `${base}/figures.csv`,
        objectives: `${base}/objectives.csv`, evaluations: `${base}/evaluations.csv`,
        eds: report.eds === undefined ? null : `${base}/eds.csv`,
        reports: report.reports ? `${base}/reports.csv` : null,
      },
      dataHref: '/public/data', preview: false,
      ...reportView(report, services.standards),
    }, latest ? CACHE.changing : CACHE.versionPage);
  }

  app.get<{ Params: { code: string; year: string } }>('/public/:code/:year', reportPage);
  app.get<{ Params: { code: string; year: string; version: string } }>('/public/:code/:year/:version', reportPage);

  app.get<{ Params: { code: string; year: string; version: string; file: string } }>('/public/:code/:year/:version/:file', async (request, reply) => {
    const loaded = await loadVersion(request);
    if (!loaded) return reply.callNotFound();
    const { published } = loaded;
    const { report } = published;
    const identity = { code: report.organisation.code, year: published.year, version: published.version! };
    const { file } = request.params;
    if (file === 'report.json') {
      const document = { version: identity.version, publishedAt: published.publishedAt?.toISOString() ?? null, correctionNote: published.correctionNote, report };
      return sendCached(request, reply, `${JSON.stringify(document, null, 2)}\n`, 'application/json; charset=utf-8', CACHE.frozen);
    }
    const all = resources(report, identity);
    if (file === 'datapackage.json') {
      const descriptor = dataPackage({
        name: `mirror-${identity.code.toLowerCase()}-${identity.year}-v${identity.version}`,
        title: `Workforce equality report ${identity.year}: ${report.organisation.name}, version ${identity.version}`,
        description: `${report.summary.join(' ')}${published.correctionNote ? ` Correction: ${published.correctionNote}` : ''}`,
        homepage: absolute(publicPath(identity.code, identity.year, identity.version)),
        created: published.publishedAt?.toISOString() ?? report.assembled, version: String(identity.version),
      }, all);
      return sendCached(request, reply, `${JSON.stringify(descriptor, null, 2)}\n`, 'application/json; charset=utf-8', CACHE.frozen);
    }
    const resource = all.find((r) => r.path === file);
    if (!resource) return reply.callNotFound();
    return sendCached(request, reply, csvText(resource.schema.fields.map((f) => f.name), resource.rows), 'text/csv; charset=utf-8', CACHE.frozen, resource.path);
  });
}
