/**
 * Loads the synthetic demonstration trust (invented people, labelled as synthetic on every page) so a new
 * installation has something to show. Files are generated with a fixed seed under dataDir/demo/<year>, the same
 * folders `npm start` uses, and imported through the ordinary import path. Years already loaded are left alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SYNTHETIC_ORGANISATION } from '../demo/synthetic-trust.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { formatProblem } from '../ingest/problem.ts';
import type { NewOrganisation, Store } from '../store/store.ts';
import { importFolder } from './import-service.ts';

export const DEMO_ORGANISATION: NewOrganisation = {
  code: SYNTHETIC_ORGANISATION.code,
  name: SYNTHETIC_ORGANISATION.name,
  region: 'Synthetic region',
  type: 'Acute trust',
  synthetic: true,
};

export const DEMO_SEED = 1;

export interface EnsureDemoTrustOptions {
  readonly dataDir: string;
  readonly key: Uint8Array;
  readonly years: readonly number[];
}

/** Imports each year not yet loaded, oldest first; returns the years imported now. */
export async function ensureDemoTrust(store: Store, options: EnsureDemoTrustOptions): Promise<number[]> {
  const imported: number[] = [];
  for (const year of [...new Set(options.years)].sort((a, b) => a - b)) {
    if (await isLoaded(store, year)) continue;
    const folder = join(options.dataDir, 'demo', String(year));
    if (!existsSync(join(folder, 'staff.csv'))) await writeSyntheticTrust(folder, { year, seed: DEMO_SEED });
    const result = await importFolder(store, folder, {
      organisation: DEMO_ORGANISATION, year, channel: 'demo', importedBy: null, key: options.key,
    });
    // The synthetic files are Mirror's own; a problem with them is a fault in Mirror, not in anyone's data.
    if (!result.ok) throw new Error(`The demonstration trust's ${year} files have problems:\n${result.problems.map(formatProblem).join('\n')}`);
    imported.push(year);
  }
  return imported;
}

async function isLoaded(store: Store, year: number): Promise<boolean> {
  const organisation = await store.organisations.byCode(DEMO_ORGANISATION.code);
  return organisation !== null && (await store.imports.current(organisation.id, year)) !== null;
}
