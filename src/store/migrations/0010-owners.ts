/**
 * Owners (issue 11, who may do what): a membership may have the role "owner" besides "analyst" and "viewer" (an
 * owner sees what a viewer sees and updates only the objectives and interventions assigned to them), and an
 * objective or an intervention may be assigned to a Mirror user (`owner_user_id`, kept beside the free-text owner's
 * name and role; cleared if the account is removed). A status change of an intervention may carry a note (the
 * owner's update), appended with it and never changed.
 *
 * SQLite cannot change a check constraint in place, so memberships is copied into a table with the new one.
 */
import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

async function membershipsWithRoles(db: AnyDb, dialect: SqlDialect, roles: readonly string[]): Promise<void> {
  const check = sql.raw(`role in (${roles.map((r) => `'${r}'`).join(', ')})`);
  if (dialect === 'postgres') {
    await sql`alter table memberships drop constraint memberships_role`.execute(db);
    await sql`alter table memberships add constraint memberships_role check (${check})`.execute(db);
    return;
  }
  await db.schema.createTable('memberships_new')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organisation_id'])
    .addCheckConstraint('memberships_role', sql`${check}`)
    .execute();
  await sql`insert into memberships_new (user_id, organisation_id, role) select user_id, organisation_id, role from memberships`.execute(db);
  await db.schema.dropTable('memberships').execute();
  await sql`alter table memberships_new rename to memberships`.execute(db);
  await db.schema.createIndex('memberships_organisation').on('memberships').column('organisation_id').execute();
}

export async function up(db: AnyDb, dialect: SqlDialect): Promise<void> {
  await membershipsWithRoles(db, dialect, ['analyst', 'viewer', 'owner']);
  for (const table of ['objectives', 'interventions']) {
    await db.schema.alterTable(table).addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  }
  await db.schema.alterTable('intervention_status_changes').addColumn('note', 'text').execute();
}

export async function down(db: AnyDb, dialect: SqlDialect): Promise<void> {
  await db.schema.alterTable('intervention_status_changes').dropColumn('note').execute();
  for (const table of ['objectives', 'interventions']) await db.schema.alterTable(table).dropColumn('owner_user_id').execute();
  await db.deleteFrom('memberships').where('role', '=', 'owner').execute();
  await membershipsWithRoles(db, dialect, ['analyst', 'viewer']);
}
