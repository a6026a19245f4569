/** The audit trail: who did what to which organisation's data, and when. Subjects and details are never personal data. */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventsTable, Database } from './schema.ts';
import type { AuditAction, AuditEvent, Store } from './store.ts';
import { toDate } from './values.ts';

function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    at: toDate(row.at),
    userId: row.user_id,
    action: row.action as AuditAction,
    organisationId: row.organisation_id,
    subject: row.subject,
    details: JSON.parse(row.details),
  };
}

export function auditRepository(db: Kysely<Database>): Store['audit'] {
  return {
    async record(event) {
      await db.insertInto('audit_events').values({
        at: new Date(),
        user_id: event.userId,
        action: event.action,
        organisation_id: event.organisationId ?? null,
        subject: event.subject,
        details: JSON.stringify(event.details ?? {}),
      }).execute();
    },

    /** Newest first; events recorded in the same millisecond keep the order they were recorded in. */
    async list({ limit, offset }) {
      const rows = await db.selectFrom('audit_events').selectAll()
        .orderBy('at', 'desc').orderBy('id', 'desc')
        .limit(limit).offset(offset)
        .execute();
      return rows.map(toAuditEvent);
    },
  };
}
