/**
 * Every standard's counts in one table, keyed by the standard's id in the registry: WRES's counts move from
 * wres_counts to standard_counts as "wres", and the pay gap inputs are renamed from "payPeople" to "paygap", the
 * pay gap standard's id. So the store, like the rest of Mirror, treats every standard the same way.
 */
import { sql, type Kysely } from 'kysely';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`insert into standard_counts (import_version_id, standard, counts) select import_version_id, 'wres', counts from wres_counts`.execute(db);
  await db.updateTable('standard_counts').set({ standard: 'paygap' }).where('standard', '=', 'payPeople').execute();
  await db.schema.dropTable('wres_counts').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.createTable('wres_counts')
    .addColumn('import_version_id', 'integer', (c) => c.primaryKey().references('import_versions.id').onDelete('cascade'))
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into wres_counts (import_version_id, counts) select import_version_id, counts from standard_counts where standard = 'wres'`.execute(db);
  await db.deleteFrom('standard_counts').where('standard', '=', 'wres').execute();
  await db.updateTable('standard_counts').set({ standard: 'payPeople' }).where('standard', '=', 'paygap').execute();
}
