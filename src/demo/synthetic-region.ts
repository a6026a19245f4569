/**
 * A synthetic region: several invented organisations of different sizes and with somewhat different gaps between
 * ethnic minority and White staff, so that comparisons between organisations (funnel plots) have something to show.
 * The first is the demonstration trust itself (SYN01, seed 1, default size and gaps); the others are SYN02 … SYNnn,
 * each with its own seed, size and gap scale, every one named as synthetic. Deterministic: the same count, year and
 * scale always give the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_STAFF, SYNTHETIC_ORGANISATION, type SyntheticTrustOptions } from './synthetic-trust.ts';
import { writeSyntheticTrust } from './write-synthetic-trust.ts';
import { MAX_REGION_SIZE } from './region-size.ts';

export { MAX_REGION_SIZE } from './region-size.ts';

export const SYNTHETIC_REGION = 'Synthetic region';
export const SYNTHETIC_REGION_TYPE = 'Acute trust';

/** Staff numbers and gap scales of SYN02 onwards, in turn (repeating after ten). */
const STAFF_SIZES = [1500, 6500, 2500, 9000, 1200, 3500, 5000, 2000, 7500, 3000] as const;
const GAP_SCALES = [0.4, 1.6, 0.8, 1.3, 2.0, 0.6, 1.1, 1.8, 0.2, 1.4] as const;

export interface RegionMember {
  readonly code: string;
  readonly name: string;
  readonly seed: number;
  readonly staff: number;
  readonly gapScale: number;
}

export interface RegionOptions {
  /** Multiplies every organisation's staff number (at least 50 each); for quick tests. Default 1. */
  readonly staffScale?: number;
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_REGION_SIZE) {
    throw new RangeError(`A synthetic region has 1 to ${MAX_REGION_SIZE} organisations, got ${count}`);
  }
}

/** The organisations of a synthetic region of `count`, the demonstration trust first. */
export function regionMembers(count: number, options: RegionOptions = {}): RegionMember[] {
  checkCount(count);
  const scale = options.staffScale ?? 1;
  const size = (staff: number) => Math.max(50, Math.round(staff * scale));
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const code = `SYN${String(n).padStart(2, '0')}`;
    if (n === 1) return { code, name: SYNTHETIC_ORGANISATION.name, seed: 1, staff: size(DEFAULT_STAFF), gapScale: 1 };
    return {
      code,
      name: `Synthetic Region NHS Trust ${String(n).padStart(2, '0')}`,
      seed: n,
      staff: size(STAFF_SIZES[(n - 2) % STAFF_SIZES.length]!),
      gapScale: GAP_SCALES[(n - 2) % GAP_SCALES.length]!,
    };
  });
}

/** The generator's options for one member and year; SYN01 at full size gets exactly the demonstration trust's. */
export function memberOptions(member: RegionMember, year: number): SyntheticTrustOptions {
  const defaults = member.code === SYNTHETIC_ORGANISATION.code && member.staff === DEFAULT_STAFF && member.gapScale === 1;
  return defaults
    ? { year, seed: member.seed }
    : { year, seed: member.seed, staff: member.staff, gapScale: member.gapScale, organisation: { code: member.code, name: member.name } };
}

/** Writes `folder/SYN01` … `folder/SYNnn`, one synthetic organisation each, and a README.txt. Returns the members. */
export async function writeSyntheticRegion(folder: string, year: number, count: number, options: RegionOptions = {}): Promise<RegionMember[]> {
  const members = regionMembers(count, options);
  await mkdir(folder, { recursive: true });
  for (const member of members) await writeSyntheticTrust(join(folder, member.code), memberOptions(member, year));
  await writeFile(join(folder, 'README.txt'), [
    'SYNTHETIC DATA - NOT REAL PEOPLE, NOT REAL ORGANISATIONS',
    '',
    `${members.length} invented organisations of a synthetic region, for trying comparisons between organisations.`,
    'Each folder is one organisation for one reporting year; none of them exists. Import each with, for example:',
    `  npx mirror import ${members[0]!.code} --org ${members[0]!.code} --name "${members[0]!.name}" --region "${SYNTHETIC_REGION}" --type "${SYNTHETIC_REGION_TYPE}" --year ${year}`,
    '',
    ...members.map((m) => `${m.code}  ${m.name}: seed ${m.seed}, ${m.staff} staff, gaps × ${m.gapScale}`),
    '',
  ].join('\n'), 'utf8');
  return members;
}
