/** The Store over Kysely: one implementation for SQLite and PostgreSQL, assembled from one repository per concern. */
import type { Kysely } from 'kysely';
import { apiTokensRepository } from './api-tokens.ts';
import { auditRepository } from './audit.ts';
import { edsRepository } from './eds.ts';
import { inclusiveHrRepository } from './inclusive-hr.ts';
import { regionFiguresRepository } from './region-figures.ts';
import { highImpactActionsRepository } from './high-impact-actions.ts';
import { columnMappingsRepository } from './column-mappings.ts';
import type { OpenDatabase } from './database.ts';
import { importsRepository } from './imports.ts';
import { interventionsRepository } from './interventions.ts';
import { runMigrations } from './migrate.ts';
import { migrationsFor } from './migrations/index.ts';
import { nationalFiguresRepository } from './national-figures.ts';
import { complyOrExplainRepository, objectivesRepository } from './objectives.ts';
import type { SqlDialect } from './migrations/column-types.ts';
import { organisationsRepository } from './organisations.ts';
import { publicationsRepository } from './publications.ts';
import { reportingRepository } from './reporting.ts';
import type { Database } from './schema.ts';
import { sessionsRepository } from './sessions.ts';
import { staffNetworksRepository } from './staff-networks.ts';
import { signInLinksRepository } from './sign-in-links.ts';
import type { Store } from './store.ts';
import { usersRepository } from './users.ts';

export class KyselyStore implements Store {
  readonly dialect: SqlDialect;
  /** For tests and maintenance scripts; the rest of Mirror uses the repositories. */
  readonly db: Kysely<Database>;
  readonly organisations: Store['organisations'];
  readonly imports: Store['imports'];
  readonly columnMappings: Store['columnMappings'];
  readonly users: Store['users'];
  readonly signInLinks: Store['signInLinks'];
  readonly sessions: Store['sessions'];
  readonly apiTokens: Store['apiTokens'];
  readonly nationalFigures: Store['nationalFigures'];
  readonly objectives: Store['objectives'];
  readonly complyOrExplain: Store['complyOrExplain'];
  readonly interventions: Store['interventions'];
  readonly publications: Store['publications'];
  readonly eds: Store['eds'];
  readonly highImpactActions: Store['highImpactActions'];
  readonly reporting: Store['reporting'];
  readonly staffNetworks: Store['staffNetworks'];
  readonly inclusiveHr: Store['inclusiveHr'];
  readonly regionFigures: Store['regionFigures'];
  readonly audit: Store['audit'];

  constructor({ db, dialect, onBusy, connections, sqlite }: OpenDatabase) {
    this.db = db;
    this.dialect = dialect;
    this.organisations = organisationsRepository(db);
    this.imports = importsRepository(db, dialect, { onBusy, connections, sqlite });
    this.columnMappings = columnMappingsRepository(db);
    this.users = usersRepository(db);
    this.signInLinks = signInLinksRepository(db);
    this.sessions = sessionsRepository(db);
    this.apiTokens = apiTokensRepository(db);
    this.nationalFigures = nationalFiguresRepository(db);
    this.objectives = objectivesRepository(db);
    this.complyOrExplain = complyOrExplainRepository(db);
    this.interventions = interventionsRepository(db);
    this.publications = publicationsRepository(db);
    this.eds = edsRepository(db);
    this.highImpactActions = highImpactActionsRepository(db);
    this.reporting = reportingRepository(db);
    this.staffNetworks = staffNetworksRepository(db);
    this.inclusiveHr = inclusiveHrRepository(db);
    this.regionFigures = regionFiguresRepository(db);
    this.audit = auditRepository(db);
  }

  migrate(): Promise<readonly string[]> {
    return runMigrations(this.db, migrationsFor(this.dialect));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
