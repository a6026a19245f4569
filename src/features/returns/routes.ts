/**
 * GET /organisations/:code/:year/return/<wres|wdes>.<xlsx|csv>: the national return of the organisation's year,
 * in NHS England's template layout with a Sources sheet (or one CSV row per figure), every cell traced to its figure.
 * Members only (404 otherwise); analysts and member administrators only (403 for others), as it holds every count;
 * every download audited as an export.
 */
import type { FastifyInstance } from 'fastify';
import { isReturnStandard } from '../../core/returns/index.ts';
import { auditAccess, loadOrganisationYear, renderPage, type OrganisationYearParams } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { mayDownloadReturn } from './access.ts';
import { returnFile, storedReturn, type ReturnFormat } from './service.ts';

export function registerReturnRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: OrganisationYearParams & { file: string } }>('/organisations/:code/:year/return/:file', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const match = /^(wres|wdes)\.(xlsx|csv)$/.exec(request.params.file);
    if (!match || !isReturnStandard(match[1]!)) return reply.callNotFound();
    const standard = match[1];
    const format = match[2] as ReturnFormat;
    const { organisation, year, membership } = loaded;
    if (!mayDownloadReturn(request, membership)) {
      reply.code(403);
      return renderPage(services, request, reply, 'pages/request-problem.njk', {
        title: 'You cannot download the national return',
        message: "Only the organisation's analysts and administrators can download the national return, because it holds every count, however small, for NHS England. The dashboard's downloads have disclosure control.",
      });
    }
    const resolved = await storedReturn(services, standard, organisation, year);
    if (!resolved) return reply.callNotFound();
    const file = await returnFile(resolved, format, organisation.code, year);
    await auditAccess(services, request, 'export', organisation, `return/${standard}/${year}.${format}`, { unsuppressed: true, figures: resolved.traces.length });
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
}
