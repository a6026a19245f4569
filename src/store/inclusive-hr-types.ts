/**
 * What the store keeps of the #InclusiveHR five-step challenge (migration 0016), per organisation, reporting year and
 * directorate, and the one read it makes of the reporting store's cases: yearly counts by category.
 */
import type { ColumnType, Generated } from 'kysely';

export interface DirectorateProgress {
  readonly directorate: string;
  /** Step numbers marked done, ascending. */
  readonly stepsDone: readonly number[];
  readonly reading: string | null;
  readonly themes: readonly string[];
  readonly updatedAt: Date;
}

export interface NewListeningNote {
  readonly organisationId: number;
  readonly year: number;
  readonly directorate: string;
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly heldOn: string;
  readonly notes: string;
  readonly createdBy: number | null;
}

export interface ListeningNote extends NewListeningNote {
  readonly id: number;
  readonly createdAt: Date;
}

export interface InclusiveHrStore {
  /** Every directorate of the year with saved progress. */
  progress(organisationId: number, year: number): Promise<readonly DirectorateProgress[]>;
  progressOf(organisationId: number, year: number, directorate: string): Promise<DirectorateProgress | null>;
  /** Marks a step done or not done; returns whether it was done before. */
  markStep(organisationId: number, year: number, directorate: string, step: number, done: boolean, userId: number | null): Promise<boolean>;
  saveReading(organisationId: number, year: number, directorate: string, reading: string | null, userId: number | null): Promise<void>;
  saveThemes(organisationId: number, year: number, directorate: string, themes: readonly string[], userId: number | null): Promise<void>;
  /** The directorate's notes of the year, oldest session first. */
  notes(organisationId: number, year: number, directorate: string): Promise<readonly ListeningNote[]>;
  addNote(note: NewListeningNote): Promise<ListeningNote>;
  /** Removes one of the directorate's notes; returns it, or null when there is no such note. */
  removeNote(organisationId: number, year: number, directorate: string, id: number): Promise<ListeningNote | null>;
}

/** The tables of migration 0016 as Kysely sees them (added to schema.ts's Database). */
export interface InclusiveHrTables {
  ihr_progress: {
    id: Generated<number>;
    organisation_id: number;
    year: number;
    directorate: string;
    /** JSON array of step numbers. */
    steps_done: string;
    reading: string | null;
    /** JSON array of words. */
    themes: string;
    updated_by: number | null;
    updated_at: ColumnType<Date | string, Date, Date>;
  };
  ihr_listening_notes: {
    id: Generated<number>;
    organisation_id: number;
    year: number;
    directorate: string;
    title: string;
    held_on: string;
    notes: string;
    created_by: number | null;
    created_at: ColumnType<Date | string, Date, Date>;
  };
}
