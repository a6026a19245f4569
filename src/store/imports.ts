/**
 * Import versions: each import of a reporting year's files is a new version with its records and counts, and the
 * newest becomes current. Everything one import writes is written in one transaction or not at all.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { WRES_COMPARED } from '../core/ethnicity/wres-characteristic.ts';
import { BATCH_LIMITS } from './batches.ts';
import { compiledOnce } from './compiled-once.ts';
import type SqliteDatabase from 'better-sqlite3';
import { copyCsv, type PostgresConnections } from './bulk-writes.ts';
import { RECORD_TABLE_OF, readRecords, recordColumns, recordCount, writeRecords } from './import-records.ts';
import { eventRecordCount, monthlyAppointmentsBy, monthlyFirstEventsBy } from './monthly-counts.ts';
import type { SqlDialect } from './migrations/column-types.ts';
import { findOrCreateOrganisation } from './organisations.ts';
import type { Database, ImportVersionsTable } from './schema.ts';
import type { SourceFile } from '../core/records.ts';
import {
  RECORDS_FORMAT, type ImportVersion, type MonthlyAppointments, type MonthlyPeople, type NewImportHead, type Store, type StoredRecords,
} from './store.ts';
import { toBoolean, toDate } from './values.ts';

/** The columns an ImportVersion is made from (not the WDES narrative, which is read on its own). */
const VERSION_COLUMNS = [
  'id', 'organisation_id', 'year', 'version', 'is_current', 'imported_at', 'imported_by', 'channel', 'sources', 'notes', 'records_format',
] as const;

function toImportVersion(row: Omit<Selectable<ImportVersionsTable>, 'wdes_narrative'>): ImportVersion {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    year: row.year,
    version: row.version,
    current: toBoolean(row.is_current),
    importedAt: toDate(row.imported_at),
    importedBy: row.imported_by,
    channel: row.channel,
    sources: JSON.parse(row.sources),
    notes: JSON.parse(row.notes),
    recordsFormat: Number(row.records_format),
  };
}

async function nextVersion(db: Kysely<Database>, organisationId: number, year: number): Promise<number> {
  const row = await db.selectFrom('import_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('organisation_id', '=', organisationId).where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

/**
 * Two imports of one organisation take turns and get consecutive versions. On SQLite the database has one writer and
 * each transaction takes the write lock when it begins (database.ts), which tells onBusy if it has to wait. On
 * PostgreSQL the upsert locks the organisation's row until the transaction ends (organisations.ts); before that, a
 * transaction-scoped advisory lock on the organisation's code, tried without waiting first, tells us whether another
 * import is writing, so that the command line can say it is waiting.
 */
async function takeImportTurn(trx: Kysely<Database>, dialect: SqlDialect, code: string, onBusy: (() => void) | undefined): Promise<void> {
  if (dialect !== 'postgres') return;
  const tried = await sql<{ taken: boolean }>`select pg_try_advisory_xact_lock(hashtext('mirror import'), hashtext(${code})) as taken`.execute(trx);
  if (tried.rows[0]?.taken) return;
  onBusy?.();
  await sql`select pg_advisory_xact_lock(hashtext('mirror import'), hashtext(${code}))`.execute(trx);
}

/**
 * The first writes of an import's transaction: its turn, the organisation, and the new version, current from now on,
 * with its sources, notes and narrative.
 */
async function startVersion(
  trx: Kysely<Database>, dialect: SqlDialect, head: NewImportHead,
  known: { readonly sources: readonly SourceFile[]; readonly notes: readonly string[]; readonly narrative: StoredRecords['narrative'] },
  onBusy: (() => void) | undefined,
) {
  await takeImportTurn(trx, dialect, head.organisation.code, onBusy);
  const organisation = await findOrCreateOrganisation(trx, head.organisation, { mustBeNew: head.newOrganisation ?? false });
  const version = await nextVersion(trx, organisation.id, head.year);
  await trx.updateTable('import_versions').set({ is_current: false })
    .where('organisation_id', '=', organisation.id).where('year', '=', head.year).where('is_current', '=', true)
    .execute();
  return trx.insertInto('import_versions').values({
    organisation_id: organisation.id,
    year: head.year,
    version,
    is_current: true,
    imported_at: new Date(),
    imported_by: head.importedBy,
    channel: head.channel,
    sources: JSON.stringify(known.sources),
    notes: JSON.stringify(known.notes),
    records_format: RECORDS_FORMAT,
    wdes_narrative: known.narrative ? JSON.stringify(known.narrative) : null,
  }).returningAll().executeTakeFirstOrThrow();
}

async function keepCounts(trx: Kysely<Database>, importVersionId: number, standardCounts: Readonly<Record<string, unknown>>): Promise<void> {
  for (const [standard, counts] of Object.entries(standardCounts)) {
    await trx.insertInto('standard_counts').values({ import_version_id: importVersionId, standard, counts: JSON.stringify(counts) }).execute();
  }
}

/** What an import's bulk writes need besides Kysely: PostgreSQL's connections (COPY) or SQLite's connection. */
export interface BulkWriting {
  readonly onBusy?: (() => void) | undefined;
  readonly connections?: PostgresConnections | undefined;
  readonly sqlite?: SqliteDatabase.Database | undefined;
}

export function importsRepository(db: Kysely<Database>, dialect: SqlDialect, { onBusy, connections, sqlite }: BulkWriting = {}): Store['imports'] {
  const limits = BATCH_LIMITS[dialect];
  // A report page's one read of its organisation's versions: built and compiled once (compiled-once.ts).
  const currentOfOrganisationRows = compiledOnce(db, 1, (organisationId: number) => db.selectFrom('import_versions').select(VERSION_COLUMNS)
    .where('organisation_id', '=', organisationId).where('is_current', '=', true)
    .orderBy('year', 'desc'));

  return {
    async create(newImport, options = {}) {
      const total = recordCount(newImport.records);
      let written = 0;
      const progress = (count: number) => {
        written += count;
        options.onProgress?.(written, total);
      };
      progress(0);
      return db.transaction().execute(async (trx) => {
        const row = await startVersion(trx, dialect, newImport, {
          sources: newImport.sources, notes: newImport.notes, narrative: newImport.records.narrative,
        }, onBusy);
        // PostgreSQL copies the records in on the transaction's own connection; SQLite runs prepared INSERTs of many rows
        // at a time on its one connection, inside the same transaction.
        const copyClient = connections ? await connections.of(trx) : null;
        await writeRecords(trx, row.id, newImport.records, limits, progress, { copyClient, sqlite: sqlite ?? null });
        await keepCounts(trx, row.id, newImport.standardCounts);
        return toImportVersion(row);
      });
    },

    copiesRecords: connections !== undefined,

    async createStreamed(head, fill, options = {}) {
      if (!connections) throw new Error('Only an import into PostgreSQL is written as it is read.');
      let written = 0;
      return db.transaction().execute(async (trx) => {
        // What is known only once the files are read is written when it is: the version's row is updated then.
        const row = await startVersion(trx, dialect, head, { sources: [], notes: [], narrative: null }, onBusy);
        const client = await connections.of(trx);
        if (!client) throw new Error('The import\'s transaction is on none of the pool\'s connections.');
        const filled = await fill(row.id, {
          copy: (kind, pieces) => copyCsv(client, RECORD_TABLE_OF[kind], recordColumns(kind), pieces, (count) => {
            written += count;
            options.onProgress?.(written, written);
          }),
        });
        const updated = await trx.updateTable('import_versions').set({
          sources: JSON.stringify(filled.sources),
          notes: JSON.stringify(filled.notes),
          wdes_narrative: filled.narrative ? JSON.stringify(filled.narrative) : null,
        }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
        await keepCounts(trx, row.id, filled.standardCounts);
        return toImportVersion(updated);
      });
    },

    async current(organisationId, year) {
      const row = await db.selectFrom('import_versions').selectAll()
        .where('organisation_id', '=', organisationId).where('year', '=', year).where('is_current', '=', true)
        .executeTakeFirst();
      return row ? toImportVersion(row) : null;
    },

    async currentOfYears(organisationId, years) {
      if (years.length === 0) return [];
      const rows = await db.selectFrom('import_versions').selectAll()
        .where('organisation_id', '=', organisationId).where('year', 'in', [...years]).where('is_current', '=', true)
        .execute();
      const byYear = new Map(rows.map((row) => [row.year, row]));
      return years.map((year) => {
        const row = byYear.get(year);
        return row ? toImportVersion(row) : null;
      });
    },

    async currentIdsOfAll(years) {
      const byOrganisation = new Map<number, Map<number, number>>();
      if (years.length === 0) return byOrganisation;
      const rows = await db.selectFrom('import_versions').select(['organisation_id', 'year', 'id'])
        .where('year', 'in', [...years]).where('is_current', '=', true)
        .execute();
      for (const row of rows) {
        let ids = byOrganisation.get(row.organisation_id);
        if (!ids) {
          ids = new Map();
          byOrganisation.set(row.organisation_id, ids);
        }
        ids.set(row.year, row.id);
      }
      return byOrganisation;
    },

    async currentOfOrganisation(organisationId) {
      return (await currentOfOrganisationRows(organisationId)).map(toImportVersion);
    },

    async history(organisationId, year) {
      const rows = await db.selectFrom('import_versions').selectAll()
        .where('organisation_id', '=', organisationId).where('year', '=', year)
        .orderBy('version', 'desc').execute();
      return rows.map(toImportVersion);
    },

    async standardCountsOf(importVersionId, standard) {
      const row = await db.selectFrom('standard_counts').select('counts')
        .where('import_version_id', '=', importVersionId).where('standard', '=', standard).executeTakeFirst();
      return row ? (JSON.parse(row.counts) as unknown) : null;
    },

    records(importVersionId) {
      return readRecords(db, importVersionId);
    },

    async staffScopes(importVersionId) {
      const [directorates, staffGroups] = await Promise.all([
        db.selectFrom('staff_records').select('directorate').distinct()
          .where('import_version_id', '=', importVersionId).where('directorate', 'is not', null).execute(),
        db.selectFrom('staff_records').select('staff_group').distinct().where('import_version_id', '=', importVersionId).execute(),
      ]);
      const sorted = (values: readonly string[]) => [...values].sort((a, b) => a.localeCompare(b));
      return {
        directorates: sorted(directorates.map((r) => r.directorate).filter((d): d is string => d !== null && d.trim() !== '')),
        staffGroups: sorted(staffGroups.map((r) => r.staff_group)),
      };
    },

    async monthlyAppointments(importVersionId, period) {
      // As WRES indicator 2 counts them: appointed from shortlisting only, White (A, B, C) and ethnic minority (D to S).
      const months = await monthlyAppointmentsBy(db, importVersionId, 'ethnicity', period);
      return months.flatMap(({ month, categories }): MonthlyAppointments[] => {
        const groups = { white: { shortlisted: 0, appointed: 0 }, ethnicMinority: { shortlisted: 0, appointed: 0 } };
        let any = false;
        for (const [code, counts] of Object.entries(categories)) {
          const group = WRES_COMPARED.groupOf(code);
          if (!group) continue;
          any = true;
          groups[group].shortlisted += counts.shortlisted;
          groups[group].appointed += counts.appointed;
        }
        return any ? [{ month, ...groups }] : [];
      });
    },

    async monthlyFirstEvents(importVersionId, kind, period) {
      const months = await monthlyFirstEventsBy(db, importVersionId, kind, 'ethnicity', period);
      return months.flatMap(({ month, categories }): MonthlyPeople[] => {
        const groups = { white: 0, ethnicMinority: 0 };
        let any = false;
        for (const [code, people] of Object.entries(categories)) {
          const group = WRES_COMPARED.groupOf(code);
          if (!group) continue;
          any = true;
          groups[group] += people;
        }
        return any ? [{ month, ...groups }] : [];
      });
    },

    monthlyAppointmentsBy: (importVersionId, characteristic, period) => monthlyAppointmentsBy(db, importVersionId, characteristic, period),
    monthlyFirstEventsBy: (importVersionId, kind, characteristic, period) => monthlyFirstEventsBy(db, importVersionId, kind, characteristic, period),
    eventRecordCount: (importVersionId, kind) => eventRecordCount(db, importVersionId, kind),
  };
}
