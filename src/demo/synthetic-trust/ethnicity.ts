/**
 * How the synthetic trust draws and writes ethnicity, and scales the gaps between ethnic minority and White staff.
 */
import { nationalCategory, subCode, type NationalCode } from '../../core/ethnicity/nhs-ethnic-category.ts';
import { EM_MIX, SPELLING, WHITE_MIX } from './parameters.ts';
import { Weighted, mapValues, type Random } from './random.ts';

/**
 * A rate for ethnic minority staff with its gap from White staff's scaled: reference + (value − reference) × scale.
 * With scale 1 the value itself, unchanged to the last bit, so the default files never move.
 */
export function scaledGap(reference: number, value: number, scale: number): number {
  return scale === 1 ? value : reference + (value - reference) * scale;
}

export type WresGroup = 'white' | 'ethnicMinority' | 'unknown';

/** Short headings local lists put before a sub-code label: "White - Polish", "Black - Nigerian". */
const SUB_HEADING: Readonly<Partial<Record<NationalCode, string>>> = { C: 'White', G: 'Mixed', L: 'Asian', P: 'Black', S: 'Other' };

interface EthnicityChoice {
  readonly code: Weighted<NationalCode>;
  readonly subCodes: Readonly<Partial<Record<NationalCode, { share: number; codes: Weighted<string> }>>>;
}

function ethnicityChoice(mix: typeof EM_MIX): EthnicityChoice {
  const subCodes: Partial<Record<NationalCode, { share: number; codes: Weighted<string> }>> = {};
  for (const [code, entry] of Object.entries(mix) as [NationalCode, NonNullable<(typeof EM_MIX)[NationalCode]>][]) {
    if (entry.sub) subCodes[code] = { share: entry.sub.share, codes: Weighted.of(entry.sub.codes) };
  }
  return { code: Weighted.of(mapValues(mix as Record<NationalCode, { weight: number }>, (e) => e.weight)), subCodes };
}

export const EM_CHOICE = ethnicityChoice(EM_MIX);
export const WHITE_CHOICE = ethnicityChoice(WHITE_MIX);
const LABEL_SPELLING = Weighted.of({ label: SPELLING.label, code: SPELLING.code, alias: SPELLING.alias });

/** A stated ethnicity written the way a workforce system might: label, bare code, alias or sub-code. */
export function writeStated(random: Random, choice: EthnicityChoice, allowSubCodes = true): string {
  const code = choice.code.pick(random);
  const sub = choice.subCodes[code];
  if (allowSubCodes && sub && random.chance(sub.share)) {
    const picked = sub.codes.pick(random);
    const label = subCode(picked)?.label;
    const heading = SUB_HEADING[code];
    if (label && heading && random.chance(SPELLING.subLabel / (SPELLING.subLabel + SPELLING.subCode))) return `${heading} - ${label}`;
    return picked;
  }
  const category = nationalCategory(code);
  switch (allowSubCodes ? LABEL_SPELLING.pick(random) : 'label') {
    case 'code':
      return code;
    case 'alias':
      return category.aliases[0] ?? category.label;
    default:
      return category.label;
  }
}

interface WrittenEthnicity {
  readonly written: string;
  readonly group: WresGroup;
}

export function writeEthnicity(random: Random, emShare: number, unknown: { Z: number; '99': number; blank: number }): WrittenEthnicity {
  const u = random.float();
  if (u < unknown.blank) return { written: '', group: 'unknown' };
  if (u < unknown.blank + unknown.Z) return { written: random.chance(0.7) ? 'Not stated' : 'Z', group: 'unknown' };
  if (u < unknown.blank + unknown.Z + unknown['99']) return { written: random.chance(0.6) ? 'Not known' : '99', group: 'unknown' };
  return random.chance(emShare)
    ? { written: writeStated(random, EM_CHOICE), group: 'ethnicMinority' }
    : { written: writeStated(random, WHITE_CHOICE), group: 'white' };
}
