/** The synthetic trust's board. */
import { Weighted, type Random } from './random.ts';
import { EM_CHOICE, WHITE_CHOICE, writeStated } from './ethnicity.ts';

export const BOARD_COLUMNS = ['member_id', 'ethnic_category', 'voting', 'executive'] as const;

export function generateBoard(random: Random): string[][] {
  // Chair and non-executives vote; the chief executive and executive directors vote; two directors attend without a vote.
  const members: { voting: boolean; executive: boolean }[] = [
    { voting: true, executive: false },
    ...Array.from({ length: random.int(5, 6) }, () => ({ voting: true, executive: false })),
    { voting: true, executive: true },
    ...Array.from({ length: random.int(4, 5) }, () => ({ voting: true, executive: true })),
    { voting: false, executive: true },
    { voting: false, executive: true },
  ];
  const minorityCount = Weighted.of({ '1': 25, '2': 50, '3': 25 }).pick(random);
  const minority = new Set(random.sample(members.map((_, i) => i), Number(minorityCount)));
  return members.map((m, i) => [
    `BM${String(i + 1).padStart(2, '0')}`,
    writeStated(random, minority.has(i) ? EM_CHOICE : WHITE_CHOICE, false),
    m.voting ? 'Yes' : 'No',
    m.executive ? 'Yes' : 'No',
  ]);
}
