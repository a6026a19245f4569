/**
 * Issue 15 (imports at national scale): on PostgreSQL, each record table's link to its import version is checked
 * once a statement instead of once a row (ADR 0013). A foreign key is checked by a trigger and a query for every row
 * added: COPY of a 200,000-staff trust's 702,288 training rows took 4.7 s with it and 1.7 s without, and the keys were
 * about a quarter of a whole import's time. Records are added in bulk and only ever by the import that made their
 * version, so the same guarantees are kept by statement-level triggers:
 *
 * - adding or changing rows of a record table checks, once for the statement, that every import version they name
 *   exists, and locks those versions as a foreign key would (FOR KEY SHARE), so none can be deleted meanwhile; a row
 *   naming no version fails the whole statement with the foreign key's own error code (23503);
 * - deleting import versions deletes their records in the same statement, as ON DELETE CASCADE did (and so deleting
 *   an organisation still deletes every record of its imports).
 *
 * SQLite keeps its foreign keys: its check is a primary-key look-up inside SQLite, a small part of a row's cost.
 * The small tables linked to an import version (counts, regional figures) keep theirs on both.
 */
import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

/**
 * The tables of an import's records as this migration found them, each with the foreign key 0001 and 0007 gave it
 * (PostgreSQL's own names); a list of its own, since a migration sees the schema as it was (schema.ts has today's).
 */
const RECORD_TABLES = [
  'staff_records', 'application_records', 'disciplinary_records', 'training_records', 'board_records', 'survey_results',
  'capability_records', 'wdes_survey_results',
] as const;

export async function up(db: AnyDb, dialect: SqlDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`
    CREATE FUNCTION mirror_records_name_versions() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      named integer[];
      found integer;
    BEGIN
      SELECT array_agg(DISTINCT import_version_id) INTO named FROM added;
      IF named IS NULL THEN
        RETURN NULL;
      END IF;
      PERFORM 1 FROM import_versions WHERE id = ANY (named) FOR KEY SHARE;
      SELECT count(*) INTO found FROM import_versions WHERE id = ANY (named);
      IF found < cardinality(named) THEN
        RAISE EXCEPTION 'insert or update on table "%" names an import version that does not exist', TG_TABLE_NAME
          USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
      END IF;
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE FUNCTION mirror_delete_versions_records() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${sql.raw(RECORD_TABLES.map((table) => `DELETE FROM ${table} WHERE import_version_id IN (SELECT id FROM gone);`).join('\n      '))}
      RETURN NULL;
    END
    $$`.execute(db);
  for (const table of RECORD_TABLES) {
    await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_import_version_id_fkey`).execute(db);
    for (const event of ['INSERT', 'UPDATE']) {
      await sql.raw(
        `CREATE TRIGGER ${table}_versions_${event.toLowerCase()} AFTER ${event} ON ${table} ` +
          'REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mirror_records_name_versions()',
      ).execute(db);
    }
  }
  await sql.raw(
    'CREATE TRIGGER import_versions_delete_records AFTER DELETE ON import_versions ' +
      'REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION mirror_delete_versions_records()',
  ).execute(db);
}

export async function down(db: AnyDb, dialect: SqlDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql.raw('DROP TRIGGER import_versions_delete_records ON import_versions').execute(db);
  for (const table of RECORD_TABLES) {
    for (const event of ['insert', 'update']) await sql.raw(`DROP TRIGGER ${table}_versions_${event} ON ${table}`).execute(db);
    await sql.raw(
      `ALTER TABLE ${table} ADD CONSTRAINT ${table}_import_version_id_fkey FOREIGN KEY (import_version_id) ` +
        'REFERENCES import_versions (id) ON DELETE CASCADE',
    ).execute(db);
  }
  await sql`DROP FUNCTION mirror_delete_versions_records()`.execute(db);
  await sql`DROP FUNCTION mirror_records_name_versions()`.execute(db);
}
