/**
 * A staff network's anonymous pulse questions (issue 12, item 9): when a question is open, and its results under
 * the same disclosure control as everything else. Pure: no I/O.
 *
 * Results are shown only once the question has closed, so they never change afterwards and no two views can be
 * subtracted to find one answer. Then, for everyone:
 * - fewer than minimumCellSize answers in all (1 to 7): nothing is shown but that;
 * - any option with 1 to minimumCellSize − 1 answers is withheld; if that leaves exactly one option withheld, the
 *   total less the others would give it away, so the smallest other non-zero option is withheld too (a zero one only
 *   when no other will do). The total is shown; the options withheld can be added up from it, never told apart.
 */
import { type DisclosurePolicy, isDisclosive } from '../stats/disclosure.ts';

export type PulseState = 'not-open' | 'open' | 'closed';

/** Where a question opening and closing on these days (both included) stands on `today` (YYYY-MM-DD). */
export function pulseState(opensOn: string, closesOn: string, today: string): PulseState {
  if (today < opensOn) return 'not-open';
  return today > closesOn ? 'closed' : 'open';
}

export interface PulseResults {
  /** Each option's answers, null when withheld. */
  readonly options: readonly (number | null)[];
  /** All answers, null when fewer than minimumCellSize (then every option is withheld too). */
  readonly total: number | null;
  readonly withheld: number;
}

export function pulseResults(tallies: readonly number[], policy: DisclosurePolicy): PulseResults {
  const total = tallies.reduce((a, b) => a + b, 0);
  if (isDisclosive(total, policy)) return { options: tallies.map(() => null), total: null, withheld: tallies.length };
  const withheld = tallies.map((t) => isDisclosive(t, policy));
  if (withheld.filter(Boolean).length === 1) {
    const open = tallies.map((t, i) => ({ t, i })).filter(({ i }) => !withheld[i]);
    const next = [...open].sort((a, b) => (a.t > 0 ? 0 : 1) - (b.t > 0 ? 0 : 1) || a.t - b.t)[0];
    if (next) withheld[next.i] = true;
  }
  return { options: tallies.map((t, i) => (withheld[i] ? null : t)), total, withheld: withheld.filter(Boolean).length };
}
