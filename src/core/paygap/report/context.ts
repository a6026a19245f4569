/**
 * What every part of a characteristic's evaluation shares: the settings in force, the sets compared and their words.
 */
import type { SetText } from '../definitions.ts';
import type { PayGapPolicy } from './policy.ts';
import type { ComparisonLevel } from './results.ts';

export interface Context {
  readonly policy: PayGapPolicy;
  readonly forSharing: boolean;
  readonly bonusDataGiven: boolean;
}

export interface DeclaredSet {
  readonly key: string;
  readonly categories: readonly string[];
  readonly text: SetText;
}

export interface Comparand extends DeclaredSet {
  readonly level: ComparisonLevel;
}

export type Kind = 'hourly' | 'bonus';

export const POPULATION_WORDS: Readonly<Record<Kind, string>> = { hourly: 'with an hourly rate of pay', bonus: 'paid a bonus' };

export function isSmallCount(n: number, below: number): boolean {
  return n > 0 && n < below;
}
