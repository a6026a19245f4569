/**
 * Text measurement and number formatting for server-side layout. There is no browser to measure text, so widths
 * are estimated from Arial's advance widths plus about 7% (14% for bold), because the page's Frutiger, or whatever
 * font stands in for it, may run a little wider. Checked against Chromium with Liberation Sans (Arial's metric twin),
 * the estimates err wide by 2–5%, which is enough to decide where a label fits and to wrap long labels.
 */

/** Arial/Helvetica advance widths, in thousandths of an em, for characters 32 (space) to 126 (~). */
const ARIAL_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
] as const;

const WIDE_CHARACTERS: Readonly<Record<string, number>> = { '\u00a0': 278, '–': 556, '—': 1000, '…': 1000, '→': 1000, '←': 1000, '’': 222, '‘': 222 };

/** Estimated rendered width of `text` in viewBox units, erring wide (bold text is about 8% wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let total = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    total += (code >= 32 && code <= 126 ? ARIAL_WIDTHS[code - 32] : undefined) ?? WIDE_CHARACTERS[ch] ?? 600;
  }
  return (total / 1000) * fontSize * (bold ? 1.14 : 1.07);
}

/**
 * Breaks text at spaces into lines no wider than maxWidth; a single over-long word is kept whole on its line.
 * Non-breaking spaces (U+00A0) hold words together, e.g. a word and the arrow after it.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/[ \t\r\n]+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A finite number or null: NaN, ±Infinity, undefined and null all become null. */
export function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** An interval with both ends finite and in order, or null. */
export function finiteInterval(ci: readonly [number, number] | null | undefined): [number, number] | null {
  if (!ci) return null;
  const lo = finite(ci[0]);
  const hi = finite(ci[1]);
  if (lo === null || hi === null) return null;
  return lo <= hi ? [lo, hi] : [hi, lo];
}

/** Relative likelihoods are written with two decimals, as in the report ("1.52"). */
export function formatRatio(value: number): string {
  return value.toFixed(2);
}

/** Percentages with one decimal ("24.4%"). */
export function formatPct(value: number): string {
  return `${value.toFixed(1)}%`;
}

/** Rates of rare events per 1,000 people, with two decimals ("1.25 per 1,000"). */
export function formatPer1000(value: number): string {
  return `${value.toFixed(2)} per 1,000`;
}

/** Counts with thousands separators ("1,205"), independent of the server's locale. */
export function formatCount(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An axis tick: as few decimals as needed, at most two ("0.5", "1", "1.25", "0.67"). */
export function formatTick(value: number): string {
  return String(Number(value.toFixed(2)));
}
