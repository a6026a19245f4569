/** The #InclusiveHR challenge's progress and listening notes (migration 0016). */
import type { Kysely, Selectable } from 'kysely';
import type { DirectorateProgress, InclusiveHrStore, InclusiveHrTables, ListeningNote } from './inclusive-hr-types.ts';
import type { Database } from './schema.ts';
import { toDate } from './values.ts';

function toProgress(row: Selectable<InclusiveHrTables['ihr_progress']>): DirectorateProgress {
  return {
    directorate: row.directorate, stepsDone: (JSON.parse(row.steps_done) as number[]).sort((a, b) => a - b), reading: row.reading,
    themes: JSON.parse(row.themes) as string[], updatedAt: toDate(row.updated_at),
  };
}

function toNote(row: Selectable<InclusiveHrTables['ihr_listening_notes']>): ListeningNote {
  return {
    id: row.id, organisationId: row.organisation_id, year: row.year, directorate: row.directorate, title: row.title, heldOn: row.held_on,
    notes: row.notes, createdBy: row.created_by, createdAt: toDate(row.created_at),
  };
}

export function inclusiveHrRepository(db: Kysely<Database>): InclusiveHrStore {
  const find = (organisationId: number, year: number, directorate: string, trx: Kysely<Database> = db) =>
    trx.selectFrom('ihr_progress').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year).where('directorate', '=', directorate).executeTakeFirst();

  /** Changes a directorate's row, making it first when there is none. */
  const change = (organisationId: number, year: number, directorate: string, userId: number | null,
    edit: (row: { steps_done: string; reading: string | null; themes: string }) => { steps_done: string; reading: string | null; themes: string }) =>
    db.transaction().execute(async (trx) => {
      const row = await find(organisationId, year, directorate, trx);
      const before = row ? { steps_done: row.steps_done, reading: row.reading, themes: row.themes } : { steps_done: '[]', reading: null, themes: '[]' };
      const after = { ...edit(before), updated_by: userId, updated_at: new Date() };
      if (row) await trx.updateTable('ihr_progress').set(after).where('id', '=', row.id).execute();
      else await trx.insertInto('ihr_progress').values({ organisation_id: organisationId, year, directorate, ...after }).execute();
      return before;
    });

  return {
    async progress(organisationId, year) {
      const rows = await db.selectFrom('ihr_progress').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year).orderBy('directorate').execute();
      return rows.map(toProgress);
    },

    async progressOf(organisationId, year, directorate) {
      const row = await find(organisationId, year, directorate);
      return row ? toProgress(row) : null;
    },

    async markStep(organisationId, year, directorate, step, done, userId) {
      const before = await change(organisationId, year, directorate, userId, (row) => {
        const steps = new Set(JSON.parse(row.steps_done) as number[]);
        if (done) steps.add(step);
        else steps.delete(step);
        return { ...row, steps_done: JSON.stringify([...steps].sort((a, b) => a - b)) };
      });
      return (JSON.parse(before.steps_done) as number[]).includes(step);
    },

    async saveReading(organisationId, year, directorate, reading, userId) {
      await change(organisationId, year, directorate, userId, (row) => ({ ...row, reading }));
    },

    async saveThemes(organisationId, year, directorate, themes, userId) {
      await change(organisationId, year, directorate, userId, (row) => ({ ...row, themes: JSON.stringify(themes) }));
    },

    async notes(organisationId, year, directorate) {
      const rows = await db.selectFrom('ihr_listening_notes').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year)
        .where('directorate', '=', directorate).orderBy('held_on').orderBy('id').execute();
      return rows.map(toNote);
    },

    async addNote(note) {
      const row = await db.insertInto('ihr_listening_notes').values({
        organisation_id: note.organisationId, year: note.year, directorate: note.directorate, title: note.title, held_on: note.heldOn, notes: note.notes,
        created_by: note.createdBy, created_at: new Date(),
      }).returningAll().executeTakeFirstOrThrow();
      return toNote(row);
    },

    async removeNote(organisationId, year, directorate, id) {
      const row = await db.deleteFrom('ihr_listening_notes').where('organisation_id', '=', organisationId).where('year', '=', year)
        .where('directorate', '=', directorate).where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toNote(row) : null;
    },
  };
}
