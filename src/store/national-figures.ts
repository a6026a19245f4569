/**
 * National WRES figures: the counts behind NHS England's national relative likelihoods for indicators 2, 3 and 4,
 * one row per reporting year and indicator, entered by an administrator. Only counts are kept; the ratio is derived
 * wherever it is shown.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, NationalFiguresTable } from './schema.ts';
import type { NationalFigure, NationalIndicator, Store } from './store.ts';
import { toDate } from './values.ts';

function toNationalFigure(row: Selectable<NationalFiguresTable>): NationalFigure {
  return {
    year: row.year,
    indicator: row.indicator as NationalIndicator,
    white: { events: row.white_events, population: row.white_population },
    ethnicMinority: { events: row.ethnic_minority_events, population: row.ethnic_minority_population },
    source: row.source,
    enteredBy: row.entered_by,
    enteredAt: toDate(row.entered_at),
  };
}

export function nationalFiguresRepository(db: Kysely<Database>): Store['nationalFigures'] {
  return {
    async forYear(year) {
      const rows = await db.selectFrom('national_figures').selectAll().where('year', '=', year).orderBy('indicator').execute();
      return rows.map(toNationalFigure);
    },

    async all() {
      const rows = await db.selectFrom('national_figures').selectAll().orderBy('year', 'desc').orderBy('indicator').execute();
      return rows.map(toNationalFigure);
    },

    /**
     * The old row is deleted and the new one written in one transaction, so what was replaced is known exactly.
     * Two administrators saving the same year and indicator at the same moment cannot both succeed silently: on
     * PostgreSQL the second insert meets the unique constraint and fails; SQLite's write lock makes them take turns.
     */
    async upsert(figure) {
      return db.transaction().execute(async (trx) => {
        const old = await trx.deleteFrom('national_figures')
          .where('year', '=', figure.year).where('indicator', '=', figure.indicator)
          .returningAll()
          .executeTakeFirst();
        const row = await trx.insertInto('national_figures').values({
          year: figure.year,
          indicator: figure.indicator,
          white_events: figure.white.events,
          white_population: figure.white.population,
          ethnic_minority_events: figure.ethnicMinority.events,
          ethnic_minority_population: figure.ethnicMinority.population,
          source: figure.source,
          entered_by: figure.enteredBy,
          entered_at: new Date(),
        }).returningAll().executeTakeFirstOrThrow();
        return { saved: toNationalFigure(row), replaced: old ? toNationalFigure(old) : null };
      });
    },

    async remove(year, indicator) {
      const row = await db.deleteFrom('national_figures').where('year', '=', year).where('indicator', '=', indicator)
        .returningAll()
        .executeTakeFirst();
      return row ? toNationalFigure(row) : null;
    },
  };
}
