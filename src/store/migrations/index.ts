/**
 * Every migration, in order, given in code rather than found by globbing files, so the set applied cannot depend
 * on what happens to be on disk. Names sort in the order they run; add the next as "0013-…".
 */
import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as standardCounts from './0002-standard-counts.ts';
import * as nationalFigures from './0003-national-figures.ts';
import * as staffPseudonymIndex from './0004-staff-pseudonym-index.ts';
import * as apiTokenLifetimes from './0005-api-token-lifetimes.ts';
import * as countsByStandard from './0006-counts-by-standard.ts';
import * as scopeRecords from './0007-scope-records.ts';
import * as objectives from './0008-objectives.ts';
import * as interventions from './0009-interventions.ts';
import * as owners from './0010-owners.ts';
import * as mappingPresets from './0011-mapping-presets.ts';
import * as publications from './0013-publications.ts';
import * as edsAndActions from './0014-eds-and-actions.ts';
import * as reporting from './0012-reporting.ts';
import * as staffNetworks from './0015-staff-networks.ts';
import * as inclusiveHr from './0016-inclusive-hr.ts';
import * as regionFigures from './0017-region-figures.ts';
import * as recordKeys from './0018-record-keys-checked-once.ts';
import { dialectColumns, type SqlDialect } from './column-types.ts';

export function migrationsFor(dialect: SqlDialect): Readonly<Record<string, Migration>> {
  const columns = dialectColumns(dialect);
  return {
    '0001-initial': { up: (db) => initial.up(db, columns), down: (db) => initial.down(db) },
    '0002-standard-counts': { up: (db) => standardCounts.up(db), down: (db) => standardCounts.down(db) },
    '0003-national-figures': { up: (db) => nationalFigures.up(db, columns), down: (db) => nationalFigures.down(db) },
    '0004-staff-pseudonym-index': { up: (db) => staffPseudonymIndex.up(db), down: (db) => staffPseudonymIndex.down(db) },
    '0005-api-token-lifetimes': { up: (db) => apiTokenLifetimes.up(db, columns), down: (db) => apiTokenLifetimes.down(db) },
    '0006-counts-by-standard': { up: (db) => countsByStandard.up(db), down: (db) => countsByStandard.down(db) },
    '0007-scope-records': { up: (db) => scopeRecords.up(db, columns), down: (db) => scopeRecords.down(db) },
    '0008-objectives': { up: (db) => objectives.up(db, columns), down: (db) => objectives.down(db) },
    '0009-interventions': { up: (db) => interventions.up(db, columns), down: (db) => interventions.down(db) },
    '0010-owners': { up: (db) => owners.up(db, dialect), down: (db) => owners.down(db, dialect) },
    '0011-mapping-presets': { up: (db) => mappingPresets.up(db, columns), down: (db) => mappingPresets.down(db) },
    '0013-publications': { up: (db) => publications.up(db, columns), down: (db) => publications.down(db) },
    '0014-eds-and-actions': { up: (db) => edsAndActions.up(db, columns), down: (db) => edsAndActions.down(db) },
    '0012-reporting': { up: (db) => reporting.up(db, columns), down: (db) => reporting.down(db) },
    '0015-staff-networks': { up: (db) => staffNetworks.up(db, columns), down: (db) => staffNetworks.down(db) },
    '0016-inclusive-hr': { up: (db) => inclusiveHr.up(db, columns), down: (db) => inclusiveHr.down(db) },
    '0017-region-figures': { up: (db) => regionFigures.up(db), down: (db) => regionFigures.down(db) },
    '0018-record-keys-checked-once': { up: (db) => recordKeys.up(db, dialect), down: (db) => recordKeys.down(db, dialect) },
  };
}
