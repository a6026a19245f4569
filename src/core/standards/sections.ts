/**
 * Page sections from the indicator results every standard is built of, by their shape: a relative likelihood with
 * the groups' events and populations, a survey proportion with respondents, a representation gap, or a figure that
 * is not available and why. Every rate and ratio comes with the counts behind it and its 95% interval; anything a
 * report withheld stays withheld, because sections are read from the report as it is.
 */
import type { PageSection, SectionCell } from './standard.ts';

type Interval = readonly [number, number];

interface GroupRateLike { readonly events: number; readonly population: number; readonly rate: number | null; readonly ci95: Interval | null }
interface GroupProportionLike { readonly respondents: number; readonly positive: number; readonly pct: number | null; readonly ci95: Interval | null; readonly smallNumbers: boolean }

/** A rate or ratio as written, with its decimals kept ("25.0", "1.50"), so a column reads evenly. */
const fixed = (n: number | null | undefined, digits: number): SectionCell => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : null);
const range = (ci: Interval | null | undefined, digits: number, scale = 1): SectionCell =>
  ci ? `${(ci[0] * scale).toFixed(digits)} to ${(ci[1] * scale).toFixed(digits)}` : null;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(labels: Readonly<Record<string, string>>, key: string): string {
  return labels[key] ?? key;
}

const RATIO_COLUMNS = [
  { key: 'group', label: 'Group', numeric: false },
  { key: 'events', label: 'Events', numeric: true },
  { key: 'population', label: 'People', numeric: true },
  { key: 'rate', label: 'Rate (%)', numeric: true },
  { key: 'interval', label: '95% interval (%)', numeric: false },
] as const;

const PROPORTION_COLUMNS = [
  { key: 'group', label: 'Group', numeric: false },
  { key: 'positive', label: 'Answered', numeric: true },
  { key: 'respondents', label: 'Respondents', numeric: true },
  { key: 'pct', label: 'Percentage', numeric: true },
  { key: 'interval', label: '95% interval', numeric: false },
] as const;

/**
 * One section for one indicator result of any standard. `labels` names the groups ("white" → "White"); `noun` is
 * "Indicator" or "Metric".
 */
export function indicatorSection(id: string, result: unknown, labels: Readonly<Record<string, string>>, noun = 'Indicator'): PageSection {
  const r = isObject(result) ? result : {};
  const heading = `${noun} ${id}${typeof r['title'] === 'string' ? `: ${r['title']}` : ''}`;
  const statement = typeof r['statement'] === 'string' ? r['statement'] : null;
  if (r['available'] === false) {
    return { id, heading, summary: typeof r['reason'] === 'string' ? `Not available: ${r['reason']}.` : 'Not available.', columns: [], rows: [], notes: [] };
  }
  const groups = isObject(r['groups']) ? r['groups'] : null;
  const first = groups ? Object.values(groups)[0] : null;
  if (groups && isObject(first) && 'population' in first) {
    const rows = Object.entries(groups).map(([key, g]) => {
      const rate = g as GroupRateLike;
      return { group: label(labels, key), events: rate.events, population: rate.population, rate: fixed(rate.rate === null ? null : rate.rate * 100, 1), interval: range(rate.ci95, 1, 100) };
    });
    const notes = [`Relative likelihood ${fixed(r['value'] as number | null, 2) ?? 'not defined'}${r['ci95'] ? `, 95% interval ${range(r['ci95'] as Interval, 2)}` : ''}.`];
    if (r['smallNumbers'] === true) notes.push('Small numbers: fewer than 10 events in a compared group, so the figure is unstable.');
    return { id, heading, summary: statement, columns: RATIO_COLUMNS, rows, notes };
  }
  if (groups && isObject(first) && 'respondents' in first) {
    const rows = Object.entries(groups).map(([key, g]) => {
      const p = g as GroupProportionLike;
      return { group: label(labels, key), positive: p.positive, respondents: p.respondents, pct: fixed(p.pct, 1), interval: range(p.ci95, 1) };
    });
    const notes = Object.values(groups).some((g) => (g as GroupProportionLike).smallNumbers) ? ['Small numbers: a group has few respondents, so its figure is unstable.'] : [];
    return { id, heading, summary: statement, columns: PROPORTION_COLUMNS, rows, notes };
  }
  return { id, heading, summary: statement ?? statementsOf(r), columns: [], rows: [], notes: [] };
}

/** Sentences found one level down (a board's voting and executive members each have one). */
function statementsOf(result: Record<string, unknown>): string | null {
  const sentences = Object.values(result).filter(isObject).map((v) => v['statement']).filter((s): s is string => typeof s === 'string');
  return sentences.length > 0 ? sentences.join(' ') : null;
}

/** A section per entry of an indicator map, in the report's order. */
export function indicatorSections(results: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>, noun = 'Indicator'): PageSection[] {
  return Object.entries(results).map(([id, result]) => indicatorSection(id, result, labels, noun));
}
