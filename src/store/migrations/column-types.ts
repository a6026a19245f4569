/**
 * The two column types that cannot be written the same way for both databases: an auto-numbered primary key
 * (SQLite's INTEGER PRIMARY KEY against PostgreSQL's serial) and a timestamp (ISO text on SQLite, which has no
 * timestamp type, against timestamptz). Everything else in the migrations is portable as written.
 */
import type { ColumnDataType, CreateTableBuilder } from 'kysely';

export type SqlDialect = 'sqlite' | 'postgres';

export interface DialectColumns {
  /** Adds `id`, an auto-numbered integer primary key. */
  withId<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | 'id'>;
  readonly timestamp: ColumnDataType;
}

export function dialectColumns(dialect: SqlDialect): DialectColumns {
  if (dialect === 'postgres') {
    return {
      withId: (table) => table.addColumn('id', 'serial', (column) => column.primaryKey()),
      timestamp: 'timestamptz',
    };
  }
  return {
    withId: (table) => table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement()),
    timestamp: 'text',
  };
}
