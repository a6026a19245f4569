/**
 * Loads the synthetic demonstration trust (invented people, labelled as synthetic on every page) so a new
 * installation has something to show. Files are generated with a fixed seed under dataDir/demo/<year>, the same
 * folders `npm start` uses, and imported through the ordinary import path. Years already loaded are left alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { memberOptions, regionMembers, SYNTHETIC_REGION, SYNTHETIC_REGION_TYPE, type RegionOptions } from '../demo/synthetic-region.ts';
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

export interface EnsureDemoRegionOptions extends EnsureDemoTrustOptions, RegionOptions {
  /** Organisations in the region, the demonstration trust (SYN01) included: MIRROR_DEMO_REGION (8 by default). */
  readonly count: number;
}

/**
 * Loads a synthetic region for comparisons between organisations: the demonstration trust (as ensureDemoTrust) and
 * its synthetic peers (as ensureDemoPeers). Years already loaded are left alone. Returns what was imported now, as
 * "SYN02/2025".
 */
export async function ensureDemoRegion(store: Store, options: EnsureDemoRegionOptions): Promise<string[]> {
  const trust = (await ensureDemoTrust(store, options)).map((year) => `${DEMO_ORGANISATION.code}/${year}`);
  return [...trust, ...(await ensureDemoPeers(store, options))];
}

/**
 * The demonstration trust's synthetic peers, SYN02 … SYNnn, each generated under dataDir/demo-region/<code>/<year>
 * and imported with region "Synthetic region" and type "Acute trust", every one labelled synthetic. Years already
 * loaded are left alone. Returns what was imported now, as "SYN02/2025".
 */
export async function ensureDemoPeers(store: Store, options: EnsureDemoRegionOptions): Promise<string[]> {
  const imported: string[] = [];
  for (const member of regionMembers(options.count, options).slice(1)) {
    const organisation: NewOrganisation = { code: member.code, name: member.name, region: SYNTHETIC_REGION, type: SYNTHETIC_REGION_TYPE, synthetic: true };
    for (const year of [...new Set(options.years)].sort((a, b) => a - b)) {
      const existing = await store.organisations.byCode(member.code);
      if (existing && (await store.imports.current(existing.id, year))) continue;
      const folder = join(options.dataDir, 'demo-region', member.code, String(year));
      if (!existsSync(join(folder, 'staff.csv'))) await writeSyntheticTrust(folder, memberOptions(member, year));
      const result = await importFolder(store, folder, { organisation, year, channel: 'demo', importedBy: null, key: options.key });
      if (!result.ok) throw new Error(`The synthetic region's ${member.code} ${year} files have problems:\n${result.problems.map(formatProblem).join('\n')}`);
      imported.push(`${member.code}/${year}`);
    }
  }
  return imported;
}
