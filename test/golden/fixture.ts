/**
 * The fixed world every golden output is made from: the demonstration trust for two fixed years (written by
 * `mirror demo <dir> --year Y --seed 1`, as `npm start` writes it) and a synthetic region of eight organisations
 * (the trust as SYN01, and SYN02 to SYN08 at a tenth of their size so that the run stays quick), all under one
 * temporary folder laid out as the web application's data folder: demo/<year> and demo-region/<code>/<year>.
 * Nothing here depends on today's date, a random number or the machine.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberOptions, regionMembers } from '../../src/demo/synthetic-region.ts';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';

/** The two reporting years, fixed (not the latest year, which moves with today's date). */
export const YEARS = [2024, 2025] as const;
export const YEAR = 2025;
export const PREVIOUS_YEAR = 2024;

/** The demonstration trust's seed, as `npm start` and `mirror demo` use by default. */
export const SEED = 1;

/** Organisations in the synthetic region, the demonstration trust (SYN01, full size) included. */
export const REGION_COUNT = 8;
/** SYN02 … SYN08 are generated at this fraction of their size (at least 50 staff each): 120 to 900 staff. */
export const REGION_STAFF_SCALE = 0.1;
export const TRUST_CODE = 'SYN01';
/**
 * The members whose own outputs are kept (every member is in the comparisons): the two smallest, with the
 * narrowest and the widest gaps, where most is withheld, and the largest (SYN02: 150 staff, gaps × 0.4; SYN06: 120,
 * × 2.0; SYN05: 900, × 1.3). All seven would double the goldens' size and the run's time for little more.
 */
export const REGION_SAMPLE = ['SYN02', 'SYN05', 'SYN06'] as const;

/** The web application's clock and pseudonym key: fixed, so that nothing depends on when or where it runs. */
export const CLOCK = new Date('2025-06-02T09:30:00Z');
export const PSEUDONYM_KEY = Buffer.alloc(32, 0x5a);

/** Where the stored goldens and the fixed input files live. */
export const GOLDEN_DIR = new URL('./outputs/', import.meta.url);
export const INPUTS_DIR = new URL('./inputs/', import.meta.url);

export interface Root {
  readonly dir: string;
  /** dir/demo/<year>: the demonstration trust's files for one year. */
  trust(year: number): string;
  /** dir/demo-region/<code>/<year>: a region member's files for one year, as the web application writes them. */
  member(code: string, year: number): string;
  remove(): void;
}

/** A new temporary folder, or (for the process that runs the commands) the one the first process made. */
export function makeRoot(existing?: string): Root {
  const dir = existing ?? mkdtempSync(join(tmpdir(), 'mirror-golden-'));
  return {
    dir,
    trust: (year) => join(dir, 'demo', String(year)),
    member: (code, year) => (code === TRUST_CODE ? join(dir, 'demo', String(year)) : join(dir, 'demo-region', code, String(year))),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Writes the region members' files where the web application's demonstration loader writes them, as it would
 * (it imports files it finds there), so that the commands can read them while the web application runs.
 */
export async function writeRegionFiles(root: Root): Promise<void> {
  for (const member of regionMembers(REGION_COUNT, { staffScale: REGION_STAFF_SCALE }).slice(1)) {
    for (const year of YEARS) {
      const folder = root.member(member.code, year);
      if (!existsSync(join(folder, 'staff.csv'))) await writeSyntheticTrust(folder, memberOptions(member, year));
    }
  }
}

/** One golden output: a path under test/golden/outputs and its exact text. */
export type Outputs = Map<string, string>;

/** The repository's own folder, which differs between a developer's clone and CI's. */
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/**
 * What varies from run to run however the clock and seeds are fixed, replaced by a fixed word: the temporary
 * folder's path (in `mirror demo` and `mirror demo-report` messages), the repository's folder (in messages about the
 * fixed input files), and one-time sign-in tokens (random by design).
 */
export function normalise(text: string, root: Root): string {
  return text
    .replaceAll(root.dir, '<root>')
    .replaceAll(REPOSITORY, '<repository>')
    .replace(/token=[A-Za-z0-9_-]+/g, 'token=<token>');
}
