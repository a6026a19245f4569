/** Reports of racism and discrimination (migration 0012): settings, handlers, cases and their messages, all sealed. */
import type { Kysely, Selectable } from 'kysely';
import type { CaseStatus, ClosingOutcome, ListEntry, ReportingRoute, WantedOutcome } from '../core/reporting/cases.ts';
import type { MessageKind, ReportingOrganisation, ReportingStore, StoredReportCase } from './reporting-types.ts';
import type { Database, ReportCasesTable } from './schema.ts';
import { toBoolean } from './values.ts';

function toCase(row: Selectable<ReportCasesTable>): StoredReportCase {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    route: row.route as ReportingRoute,
    category: row.category,
    directorate: row.directorate,
    wanted: row.wanted as WantedOutcome,
    content: row.content,
    contact: row.contact,
    handlerRole: row.handler_role,
    assignedUserId: row.assigned_user_id,
    status: row.status as CaseStatus,
    closingOutcome: row.closing_outcome as ClosingOutcome | null,
    receivedOn: row.received_on,
    closedOn: row.closed_on,
    awaitingHandler: toBoolean(row.awaiting_handler),
  };
}

export function reportingRepository(db: Kysely<Database>): ReportingStore {
  return {
    async settings(organisationId) {
      const row = await db.selectFrom('report_settings').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
      if (!row) return null;
      return {
        categories: JSON.parse(row.categories) as ListEntry[],
        directorates: JSON.parse(row.directorates) as ListEntry[],
        handlerRoles: JSON.parse(row.handler_roles) as ListEntry[],
        routing: JSON.parse(row.routing) as Record<string, string>,
        retentionMonths: row.retention_months,
      };
    },

    async saveSettings(organisationId, s) {
      const values = {
        categories: JSON.stringify(s.categories), directorates: JSON.stringify(s.directorates), handler_roles: JSON.stringify(s.handlerRoles),
        routing: JSON.stringify(s.routing), retention_months: s.retentionMonths,
      };
      await db.insertInto('report_settings').values({ organisation_id: organisationId, ...values })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values)).execute();
    },

    async handlers(organisationId) {
      const rows = await db.selectFrom('report_handlers').innerJoin('users', 'users.id', 'report_handlers.user_id')
        .select(['report_handlers.role_key', 'report_handlers.user_id', 'users.display_name', 'users.email'])
        .where('report_handlers.organisation_id', '=', organisationId).where('users.active', '=', true)
        .orderBy('report_handlers.role_key').orderBy('users.display_name').execute();
      return rows.map((r) => ({ roleKey: r.role_key, userId: r.user_id, displayName: r.display_name, email: r.email }));
    },

    async setHandler(organisationId, roleKey, userId, holds) {
      if (holds) {
        await db.insertInto('report_handlers').values({ organisation_id: organisationId, role_key: roleKey, user_id: userId })
          .onConflict((oc) => oc.columns(['organisation_id', 'role_key', 'user_id']).doNothing()).execute();
      } else {
        await db.deleteFrom('report_handlers').where('organisation_id', '=', organisationId).where('role_key', '=', roleKey).where('user_id', '=', userId).execute();
      }
    },

    async handlerOrganisations(userId) {
      const rows = await db.selectFrom('report_handlers').innerJoin('organisations', 'organisations.id', 'report_handlers.organisation_id')
        .select(['organisations.id', 'organisations.code', 'organisations.name', 'organisations.region', 'organisations.type', 'organisations.synthetic', 'report_handlers.role_key'])
        .where('report_handlers.user_id', '=', userId).orderBy('organisations.name').orderBy('report_handlers.role_key').execute();
      const byOrganisation = new Map<number, { organisation: ReportingOrganisation; roles: string[] }>();
      for (const r of rows) {
        const entry = byOrganisation.get(r.id) ?? { organisation: { id: r.id, code: r.code, name: r.name, region: r.region, type: r.type, synthetic: toBoolean(r.synthetic) }, roles: [] };
        entry.roles.push(r.role_key);
        byOrganisation.set(r.id, entry);
      }
      return [...byOrganisation.values()];
    },

    async createCase(c) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('report_cases').values({
          organisation_id: c.organisationId, receipt_hash: c.receiptHash, route: c.route, category: c.category, directorate: c.directorate,
          wanted: c.wanted, content: c.content, contact: c.contact, handler_role: c.handlerRole, assigned_user_id: null, status: 'received',
          closing_outcome: null, received_on: c.receivedOn, closed_on: null, awaiting_handler: true,
        }).returning('id').executeTakeFirstOrThrow();
        // Counted for the trends (migration 0015), which outlive the case.
        await trx.insertInto('report_counts').values({ organisation_id: c.organisationId, month: c.receivedOn.slice(0, 7), category: c.category, directorate: c.directorate ?? '', reports: 1 })
          .onConflict((oc) => oc.columns(['organisation_id', 'month', 'category', 'directorate']).doUpdateSet((eb) => ({ reports: eb('report_counts.reports', '+', 1) }))).execute();
        return row.id;
      });
    },

    async reportCounts(organisationId, fromMonth, toMonth) {
      const rows = await db.selectFrom('report_counts').selectAll().where('organisation_id', '=', organisationId)
        .where('month', '>=', fromMonth).where('month', '<=', toMonth).orderBy('month').orderBy('category').orderBy('directorate').execute();
      return rows.map((r) => ({ month: r.month, category: r.category, directorate: r.directorate === '' ? null : r.directorate, count: r.reports }));
    },

    async firstReportMonth(organisationId) {
      const row = await db.selectFrom('report_counts').select((eb) => eb.fn.min('month').as('first')).where('organisation_id', '=', organisationId).executeTakeFirst();
      return (row?.first as string | null | undefined) ?? null;
    },

    async caseByReceiptHash(receiptHash) {
      const row = await db.selectFrom('report_cases').selectAll().where('receipt_hash', '=', receiptHash).executeTakeFirst();
      return row ? toCase(row) : null;
    },

    async caseById(organisationId, id) {
      const row = await db.selectFrom('report_cases').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      return row ? toCase(row) : null;
    },

    async casesVisibleTo(organisationId, userId, roles) {
      const rows = await db.selectFrom('report_cases').selectAll().where('organisation_id', '=', organisationId)
        .where((eb) => {
          const assigned = eb('assigned_user_id', '=', userId);
          if (roles.length === 0) return assigned;
          return eb.or([assigned, eb.and([eb('assigned_user_id', 'is', null), eb('handler_role', 'in', [...roles])])]);
        })
        .orderBy('id', 'desc').execute();
      return rows.map(toCase);
    },

    async unassignedRoles(organisationId) {
      const rows = await db.selectFrom('report_cases').select('handler_role').distinct().where('organisation_id', '=', organisationId)
        .where('assigned_user_id', 'is', null).where('handler_role', 'is not', null).orderBy('handler_role').execute();
      return rows.map((r) => r.handler_role ?? '');
    },

    async updateCase(caseId, ch) {
      const values = {
        ...(ch.route !== undefined ? { route: ch.route } : {}),
        ...(ch.contact !== undefined ? { contact: ch.contact } : {}),
        ...(ch.status !== undefined ? { status: ch.status } : {}),
        ...(ch.closingOutcome !== undefined ? { closing_outcome: ch.closingOutcome } : {}),
        ...(ch.closedOn !== undefined ? { closed_on: ch.closedOn } : {}),
        ...(ch.handlerRole !== undefined ? { handler_role: ch.handlerRole } : {}),
        ...(ch.assignedUserId !== undefined ? { assigned_user_id: ch.assignedUserId } : {}),
      };
      if (Object.keys(values).length === 0) return;
      await db.updateTable('report_cases').set(values).where('id', '=', caseId).execute();
    },

    async messages(caseId) {
      const rows = await db.selectFrom('report_messages').leftJoin('users', 'users.id', 'report_messages.author_user_id')
        .select(['report_messages.sequence', 'report_messages.kind', 'report_messages.body', 'report_messages.author_user_id', 'report_messages.written_on', 'users.display_name'])
        .where('report_messages.case_id', '=', caseId).orderBy('report_messages.sequence').execute();
      return rows.map((r) => ({
        sequence: r.sequence, kind: r.kind as MessageKind, body: r.body, authorUserId: r.author_user_id, authorName: r.display_name ?? null, writtenOn: r.written_on,
      }));
    },

    async addMessage(caseId, m) {
      return db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('report_messages').select((eb) => eb.fn.max('sequence').as('last')).where('case_id', '=', caseId).executeTakeFirst();
        const sequence = Number(last?.last ?? 0) + 1;
        await trx.insertInto('report_messages').values({ case_id: caseId, sequence, kind: m.kind, body: m.body, author_user_id: m.authorUserId, written_on: m.writtenOn }).execute();
        if (m.kind !== 'note') await trx.updateTable('report_cases').set({ awaiting_handler: m.kind === 'reporter' }).where('id', '=', caseId).execute();
        return sequence;
      });
    },

    async closedCases() {
      const rows = await db.selectFrom('report_cases').select(['id', 'organisation_id', 'closed_on']).where('status', '=', 'closed').where('closed_on', 'is not', null).execute();
      return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, closedOn: r.closed_on ?? '' }));
    },

    async deleteCases(ids) {
      if (ids.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('report_messages').where('case_id', 'in', [...ids]).execute();
        const result = await trx.deleteFrom('report_cases').where('id', 'in', [...ids]).executeTakeFirst();
        return Number(result.numDeletedRows);
      });
    },
  };
}
