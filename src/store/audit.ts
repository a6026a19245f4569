/** The audit trail: who did what to which organisation's data, and when. Subjects and details are never personal data. */
import type { Insertable, Kysely, Selectable } from 'kysely';
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

/** One record waiting for its batch's INSERT, and how to tell its caller the outcome. */
interface Waiting {
  readonly row: Insertable<AuditEventsTable>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** At most this many records in one INSERT: six bound values each, well within both databases' limits. */
const MAX_BATCH = 500;

/**
 * Records are written by group commit: those that arrive in the same turn of the event loop (the requests a busy
 * server is answering together) are written in one multi-row INSERT at the end of that turn (setImmediate), which on
 * SQLite is one commit rather than one per record. Each caller awaits its own batch, so a record is durable before
 * its call returns (and so before a request sends its response). An INSERT is all or nothing, so when a batch cannot
 * be written each of its records is tried alone, in order: only a record that cannot be written fails its caller (and
 * when the database itself cannot be written, each caller fails with its own record's error).
 */
export function auditRepository(db: Kysely<Database>): Store['audit'] {
  let waiting: Waiting[] = [];

  async function write(batch: readonly Waiting[]): Promise<void> {
    try {
      await db.insertInto('audit_events').values(batch.map((w) => w.row)).execute();
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const w of batch) await write([w]);
      return;
    }
    for (const w of batch) w.resolve();
  }

  async function flush(): Promise<void> {
    const batch = waiting;
    waiting = [];
    for (let i = 0; i < batch.length; i += MAX_BATCH) await write(batch.slice(i, i + MAX_BATCH));
  }

  return {
    async record(event) {
      const row = {
        at: new Date(),
        user_id: event.userId,
        action: event.action,
        organisation_id: event.organisationId ?? null,
        subject: event.subject,
        // Made here, so details that cannot be written fail this record alone.
        details: JSON.stringify(event.details ?? {}),
      };
      await new Promise<void>((resolve, reject) => {
        if (waiting.length === 0) setImmediate(() => void flush());
        waiting.push({ row, resolve, reject });
      });
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
