/**
 * Quartile pay bands, as the gender pay gap regulations describe them: rank full-pay relevant employees by hourly
 * pay from lowest to highest and split them into four groups as equal in size as possible.
 *
 * Exactly how (Mirror's reading; Unverified against the government's worked examples):
 * 1. N people are ranked by hourly pay. The quartiles are rank positions [b₀, b₁), [b₁, b₂), [b₂, b₃), [b₃, b₄)
 *    with b_k = ⌊k × N ÷ 4⌋, so they differ in size by at most one and any extra people are in the upper quartiles
 *    (N = 5 → 1, 1, 1, 2; N = 6 → 1, 2, 1, 2; N = 7 → 1, 2, 2, 2).
 * 2. People on the same hourly rate form a block of consecutive positions. A block inside one quartile is wholly in
 *    it. A block that straddles a boundary is shared between the quartiles in proportion to the positions it covers
 *    in each, and every category at that rate is shared in the same proportion, so each category's share of the
 *    people at that rate is the same in every quartile it reaches. Counts can therefore be fractional.
 *
 * Worked example: pay 10, 10, 10, 12, 12, 12, 14, 16 (N = 8, boundaries 2, 4, 6). The three people on 10 cover
 * positions 0–2: two positions in the lower quartile, one in the lower middle. If two of them are women and one a
 * man, the lower quartile holds 2 × 2/3 = 1.333 women and 0.667 men, and the lower middle 0.667 women and 0.333
 * men from that rate.
 */

export const QUARTILE_NAMES = ['lower', 'lowerMiddle', 'upperMiddle', 'upper'] as const;
export type QuartileName = (typeof QUARTILE_NAMES)[number];
export type Quartet = readonly [number, number, number, number];

export interface QuartileAllocation {
  /** People in each quartile (whole numbers). */
  readonly sizes: Quartet;
  /** People of each category in each quartile; fractional where a rate straddles a boundary. */
  readonly byCategory: Readonly<Record<string, Quartet>>;
}

/** Splits the people given as hourly pay per category (each list in any order) into quartiles. */
export function payQuartiles(payByCategory: Readonly<Record<string, readonly number[]>>): QuartileAllocation {
  const people: { pay: number; category: string }[] = [];
  for (const [category, pays] of Object.entries(payByCategory)) for (const pay of pays) people.push({ pay, category });
  people.sort((a, b) => a.pay - b.pay);
  const n = people.length;
  const bounds = [0, 1, 2, 3, 4].map((k) => Math.floor((k * n) / 4));
  const byCategory: Record<string, [number, number, number, number]> = {};
  for (const category of Object.keys(payByCategory)) byCategory[category] = [0, 0, 0, 0];

  let start = 0;
  while (start < n) {
    let end = start;
    const inBlock = new Map<string, number>();
    const rate = people[start]?.pay;
    while (end < n && people[end]?.pay === rate) {
      const category = people[end]?.category ?? '';
      inBlock.set(category, (inBlock.get(category) ?? 0) + 1);
      end += 1;
    }
    const size = end - start;
    for (let q = 0; q < 4; q++) {
      const overlap = Math.min(end, bounds[q + 1] ?? n) - Math.max(start, bounds[q] ?? 0);
      if (overlap <= 0) continue;
      for (const [category, count] of inBlock) {
        const cells = byCategory[category];
        if (cells) cells[q] = (cells[q] ?? 0) + (count * overlap) / size;
      }
    }
    start = end;
  }
  const sizes = [0, 1, 2, 3].map((q) => (bounds[q + 1] ?? 0) - (bounds[q] ?? 0)) as unknown as Quartet;
  return { sizes, byCategory };
}
