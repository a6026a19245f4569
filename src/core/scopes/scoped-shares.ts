/**
 * Disclosure control of a scope's headcount tables: WRES indicator 1 (staff by band and ethnicity, with the overall
 * workforce and bank-only staff left out), WDES metric 1 (staff by cluster and disability) and the career ladder
 * under each (clinical and non-clinical staff of each Agenda for Change band together). The organisation's tables are
 * published as they are; a scope's are below organisation level, so wherever breakdowns are withheld a count of 1
 * to minimumCellSize − 1 is withheld with the rest of its row, and then more, by trying the differencing attack
 * (core/indicators/differencing.ts) over everything a reader can put together:
 *
 * - within a row: total = White + ethnic minority + unknown (Disabled + non-disabled + not declared), and unknown =
 *   its parts (not stated, not known, blank); the parts are a cell of their own, so a row can be shown without them;
 * - within a scope: the overall workforce = the band rows + anyone in no row; each ladder band = its non-clinical and
 *   clinical rows; each WDES cluster = its bands (whose rows WDES never shows); and WRES and WDES count the same
 *   people, so a band's, the overall's and the rest's totals are the same in both;
 * - across scopes of a kind (every directorate, or every staff group, the medical workforce being staff group
 *   "Medical and Dental"): the organisation's figure = the scopes' + anyone in none of them (never shown).
 *
 * - a scope's headcount of the two compared groups is the population of WRES 3 and 4 (WDES 3), which its headline
 *   and the organisation's breakdown by directorate or staff group show: taken as known unless a count is small;
 * - a ladder band is listed only when it has staff, and a part of the people with nobody in it (anyone in no row,
 *   anyone in no scope) may be known to hold nobody: such cells are taken as known.
 *
 * Every scope of the kind is protected together, whichever is asked for, so that no two scopes' reports disagree
 * about what is withheld. Not modelled: directorates against staff groups (a reader would need the table of
 * directorate by staff group, which nothing shows), and the lower bound a ladder band gives by being listed (a
 * band is listed only when it has staff).
 */
import { countWorkforce, type Lens } from '../counting/people-and-events.ts';
import { WDES_COMPARED, WDES_DISABILITY } from '../disability/characteristic.ts';
import { WRES_COMPARED, WRES_ETHNICITY } from '../ethnicity/wres-characteristic.ts';
import type { ComparedGroups } from '../indicators/compared-groups.ts';
import { Table, type CellState } from '../indicators/differencing.ts';
import { withheldReason } from '../indicators/withheld-reason.ts';
import { pipelineStatement } from '../pipeline/pipeline.ts';
import type { StaffRecord, WorkforceDataset } from '../records.ts';
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import { DISABILITY_LENS } from '../wdes/count.ts';
import { WDES_CLUSTERS } from '../wdes/report.ts';
import { ETHNICITY_LENS } from '../wres/count.ts';
import { STAFF_GROUPS } from '../workforce/staff-group.ts';
import { BAND_ROWS } from '../workforce/pay-band.ts';
import { scopeLabel, type Scope } from './scope.ts';

type Values = Record<string, number>;

/** A characteristic as indicator 1 or metric 1 shows it: its groups, and the parts of its unknown group. */
interface View {
  readonly key: 'e' | 'd';
  readonly lens: Pick<Lens, 'staff'>;
  readonly groupOf: (category: string) => string;
  readonly groups: readonly string[];
  /** The unknown group's parts as the report names them, each with its category. */
  readonly parts: Readonly<Record<string, string>>;
  readonly compared: ComparedGroups<string>;
}

const ETHNICITY: View = {
  key: 'e', lens: ETHNICITY_LENS, groupOf: WRES_ETHNICITY.groupOf, groups: WRES_ETHNICITY.groups,
  parts: { notStated: 'Z', notKnown: '99', missing: 'missing' }, compared: WRES_COMPARED as ComparedGroups<string>,
};
const DISABILITY: View = {
  key: 'd', lens: DISABILITY_LENS, groupOf: WDES_DISABILITY.groupOf, groups: WDES_DISABILITY.groups,
  parts: { notDeclared: 'notDeclared', missing: 'missing' }, compared: WDES_COMPARED as ComparedGroups<string>,
};
const VIEWS = [ETHNICITY, DISABILITY] as const;

/** How a population's cells are published: the organisation's as they are, a scope's under control, the rest never. */
type Published = 'organisation' | 'scope' | 'never';

interface Model {
  readonly table: Table;
  readonly numbers: Map<string, number>;
  readonly values: Map<string, Values>;
}

function mainValues(view: View, headcounts: Readonly<Record<string, number>>): Values {
  const v: Values = { total: 0 };
  for (const g of view.groups) v[g] = 0;
  for (const [category, n] of Object.entries(headcounts)) {
    v['total']! += n;
    const group = view.groupOf(category);
    v[group] = (v[group] ?? 0) + n;
  }
  return v;
}

function partValues(view: View, headcounts: Readonly<Record<string, number>>, unknown: number): Values {
  const v: Values = {};
  let parts = 0;
  for (const [name, category] of Object.entries(view.parts)) {
    v[name] = headcounts[category] ?? 0;
    parts += v[name];
  }
  v['other'] = unknown - parts;
  return v;
}

/** Adds one population's cells and the equations within it; `id` names a cell of it by its suffix. */
function describePopulation(model: Model, prefix: string, staff: readonly StaffRecord[], published: Published, small: (n: number) => boolean): void {
  const { table } = model;
  const add = (suffix: string, values: Values, shown: boolean, zeroIsKnown = false, elsewhere = false): number => {
    const all = Object.values(values);
    let state: CellState = 'hidden';
    if ((zeroIsKnown || published === 'never') && all.every((n) => n === 0)) state = 'fixed';
    else if (elsewhere) state = published === 'organisation' || !all.some(small) ? 'fixed' : published === 'scope' ? 'withheld' : 'hidden';
    else if (shown && published === 'organisation') state = 'fixed';
    else if (shown && published === 'scope') state = all.some(small) ? 'withheld' : 'shown';
    const size = values['total'] ?? all.reduce((s, n) => s + Math.max(n, 0), 0);
    const n = table.cell(`${prefix}|${suffix}`, { values, state, size });
    model.numbers.set(`${prefix}|${suffix}`, n);
    model.values.set(`${prefix}|${suffix}`, values);
    return n;
  };
  const sum = (total: number, parts: readonly number[], names: readonly string[]) => {
    for (const name of names) table.equation([[table.count(total, name), -1], ...parts.map((p) => [table.count(p, name), 1] as const)]);
  };
  /** A row of counts as shown: its main cell and the cell of its unknown group's parts. */
  const shares = (view: View, suffix: string, headcounts: Readonly<Record<string, number>>, shown: boolean, zeroIsKnown = false): [number, number] => {
    const main = mainValues(view, headcounts);
    const m = add(suffix, main, shown, zeroIsKnown);
    const p = add(`${suffix}|parts`, partValues(view, headcounts, main['unknown'] ?? 0), shown, zeroIsKnown);
    table.equation([[table.count(m, 'total'), -1], ...view.groups.map((g) => [table.count(m, g), 1] as const)]);
    table.equation([[table.count(m, 'unknown'), -1], ...Object.keys(partValues(view, {}, 0)).map((k) => [table.count(p, k), 1] as const)]);
    return [m, p];
  };

  // WRES and WDES count the same people: a band's, the overall's and the rest's totals are one count.
  const totals = new Map<string, number>();
  const sameTotal = (key: string, cell: number) => {
    const other = totals.get(key);
    if (other === undefined) totals.set(key, table.count(cell, 'total'));
    else table.equation([[other, 1], [table.count(cell, 'total'), -1]]);
  };
  for (const view of VIEWS) {
    const counts = countWorkforce(staff, view.lens);
    const mainNames = ['total', ...view.groups];
    const partNames = Object.keys(partValues(view, {}, 0));
    const bands = counts.rows.map((r) => ({ r, cells: shares(view, `${view.key}|band|${r.cluster}|${r.row}`, r.headcounts, view.key === 'e') }));
    const overall = shares(view, `${view.key}|overall`, counts.overall, true);
    const inRows: Record<string, number> = {};
    for (const r of counts.rows) for (const [c, n] of Object.entries(r.headcounts)) inRows[c] = (inRows[c] ?? 0) + n;
    const rest = shares(view, `${view.key}|rest`, Object.fromEntries(Object.entries(counts.overall).map(([c, n]) => [c, n - (inRows[c] ?? 0)])), false, true);
    sum(overall[0], [...bands.map((b) => b.cells[0]), rest[0]], mainNames);
    sum(overall[1], [...bands.map((b) => b.cells[1]), rest[1]], partNames);
    sameTotal('overall', overall[0]);
    // The compared groups' headcounts are the populations of WRES 3 and 4 (WDES 3), which the scope's headline and
    // the organisation's breakdown by directorate or staff group show unless a count is small: taken as known then.
    const { focus, reference } = view.compared;
    const headcount = add(`${view.key}|headcount`, { [focus]: table.valueOf(table.count(overall[0], focus)), [reference]: table.valueOf(table.count(overall[0], reference)) }, true, false, true);
    for (const g of [focus, reference]) table.equation([[table.count(headcount, g), 1], [table.count(overall[0], g), -1]]);
    sameTotal('rest', rest[0]);
    for (const { r, cells } of bands) sameTotal(`band|${r.cluster}|${r.row}`, cells[0]);
    // The career ladder: each band's non-clinical and clinical rows, the two compared groups only.
    for (const band of BAND_ROWS) {
      const parts = bands.filter((b) => b.r.cluster !== 'medical' && b.r.row === band).map((b) => b.cells[0]);
      const values: Values = { [focus]: 0, [reference]: 0 };
      for (const part of parts) for (const g of [focus, reference]) values[g]! += table.valueOf(table.count(part, g));
      // A band with nobody in either group is not listed, so a reader knows it holds nobody.
      sum(add(`${view.key}|ladder|${band}`, values, true, true), parts, [focus, reference]);
    }
    if (view.key === 'd') {
      for (const [i, c] of WDES_CLUSTERS.entries()) {
        const parts = bands.filter((b) => b.r.cluster === c.cluster && c.rows.includes(b.r.row));
        const headcounts: Record<string, number> = {};
        for (const b of parts) for (const [k, n] of Object.entries(b.r.headcounts)) headcounts[k] = (headcounts[k] ?? 0) + n;
        const cluster = shares(view, `d|cluster|${i}`, headcounts, true);
        sum(cluster[0], parts.map((b) => b.cells[0]), mainNames);
        sum(cluster[1], parts.map((b) => b.cells[1]), partNames);
      }
    }
    if (view.key === 'e') add('bank', { count: counts.bankOnlyExcluded }, true);
  }
}

/** The scopes of a kind, each with its people; the medical workforce is staff group "Medical and Dental". */
function siblings(dataset: WorkforceDataset, scope: Scope): { prefix: string; members: Map<string, StaffRecord[]>; rest: StaffRecord[] } | null {
  const members = new Map<string, StaffRecord[]>();
  const rest: StaffRecord[] = [];
  const keyOf: ((s: StaffRecord) => string | null) | null =
    scope.kind === 'directorate' ? (s) => (s.directorate !== null && s.directorate.trim() !== '' ? `directorate:${s.directorate}` : null)
      : scope.kind === 'staffGroup' || scope.kind === 'medical' ? (s) => (STAFF_GROUPS.includes(s.staffGroup) ? `staff-group:${s.staffGroup}` : null)
        : null;
  if (!keyOf) return null;
  for (const person of dataset.staff) {
    const key = keyOf(person);
    if (key === null) rest.push(person);
    else {
      const list = members.get(key);
      if (list) list.push(person);
      else members.set(key, [person]);
    }
  }
  const prefix = scope.kind === 'directorate' ? `directorate:${scope.name}` : `staff-group:${scope.kind === 'staffGroup' ? scope.name : 'Medical and Dental'}`;
  return { prefix, members, rest };
}

/** Which of the scope's cells are withheld, by suffix ("e|band|clinical|Band 5", "d|cluster|2", "bank"). */
export type WithheldShares = (suffix: string) => boolean;

/** Protects every scope of the requested scope's kind together; says which of the requested scope's cells are withheld. */
export function protectScopeShares(dataset: WorkforceDataset, scope: Scope, policy: DisclosurePolicy): WithheldShares {
  const found = siblings(dataset, scope);
  if (!found) return () => false;
  const small = (n: number) => isDisclosive(n, policy);
  const model: Model = { table: new Table(), numbers: new Map(), values: new Map() };
  describePopulation(model, 'organisation', dataset.staff, 'organisation', small);
  const keys = [...found.members.keys()].sort();
  for (const key of keys) describePopulation(model, key, found.members.get(key)!, 'scope', small);
  describePopulation(model, '#rest', found.rest, 'never', small);
  // Across scopes: the organisation's cell = the scopes' + the rest's, count by count.
  for (const [id, values] of model.values) {
    if (!id.startsWith('organisation|')) continue;
    const suffix = id.slice('organisation|'.length);
    const parts = [...keys, '#rest'].map((k) => model.numbers.get(`${k}|${suffix}`)!);
    for (const name of Object.keys(values)) {
      model.table.equation([[model.table.count(model.numbers.get(id)!, name), -1], ...parts.map((p) => [model.table.count(p, name), 1] as const)]);
    }
  }
  const { withheld } = model.table.protect(small);
  return (suffix) => withheld.has(`${found.prefix}|${suffix}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every figure of a row (counts, shares, intervals) as null; its labels kept. */
function blank(node: unknown): unknown {
  if (typeof node === 'number' || Array.isArray(node)) return null;
  if (!isRecord(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, blank(v)]));
}

/** A row of shares as shown: all withheld, or its unknown group's parts withheld, or as it is. */
function shownRow(row: unknown, view: View, suffix: string, withheld: WithheldShares, reason: string): unknown {
  if (!isRecord(row)) return row;
  if (withheld(suffix)) return { ...(blank(row) as Record<string, unknown>), suppressed: true, suppressionReason: reason };
  if (!withheld(`${suffix}|parts`) || !isRecord(row['unknown'])) return row;
  const unknown = { ...row['unknown'] };
  for (const part of Object.keys(view.parts)) unknown[part] = null;
  return { ...row, unknown, unknownPartsSuppressed: true, suppressionReason: reason };
}

/** The ladder with withheld bands' counts, and every ratio resting on them, withheld; its statement read again. */
function shownLadder(pipeline: unknown, view: View, withheld: WithheldShares): unknown {
  if (!isRecord(pipeline) || !Array.isArray(pipeline['steps'])) return pipeline;
  const steps = pipeline['steps'] as Record<string, unknown>[];
  const out = (i: number) => i >= 0 && i < steps.length && withheld(`${view.key}|ladder|${String(steps[i]!['band'])}`);
  const { focus, reference } = view.compared;
  const shown = steps.map((s, i) => {
    const self = out(i);
    const step = s['step'] !== null && (self || out(i - 1)) ? { ...(s['step'] as object), value: null, ci95: null } : s['step'];
    const cumulative = s['cumulative'] !== null && (self || out(0)) ? { value: null, ci95: null } : s['cumulative'];
    if (!self) return { ...s, step, cumulative };
    return { ...s, [focus]: null, [reference]: null, step, cumulative, smallNumbers: true, suppressed: true };
  });
  const statement = pipelineStatement(view.compared, shown as never, (pipeline['base'] as string | null) ?? null);
  const none = steps.some((_, i) => out(i)) && !shown.some((s) => isRecord(s['cumulative']) && s['cumulative']['value'] !== null);
  return { ...pipeline, steps: shown, statement: none ? 'The ladder rests on bands withheld to protect identities, so it cannot be followed here.' : statement };
}

/**
 * The medical workforce of a directorate or staff group (the medical standard's scoped report) is a set this module
 * does not model against its siblings and the organisation's medical workforce, so every cell of its indicator 1 and
 * ladder is withheld outside the analysts' view: safe, if more than needed.
 */
export const EVERY_SHARE_WITHHELD: WithheldShares = () => true;

/**
 * A scope's report with its headcount tables under disclosure control (WRES, WDES and the medical standard's
 * indicator 1; other standards unchanged).
 * `withheld` is what protectScopeShares gives for the scope.
 */
export function withholdScopeShares(standardId: string, report: unknown, scope: Scope, withheld: WithheldShares, policy: DisclosurePolicy): unknown {
  const place = standardId === 'wres' || standardId === 'medical' ? 'indicators' : standardId === 'wdes' ? 'metrics' : null;
  if (!place || !isRecord(report) || !isRecord(report[place])) return report;
  const figure = report[place]['1'];
  if (!isRecord(figure) || figure['available'] !== true) return report;
  const view = standardId === 'wdes' ? DISABILITY : ETHNICITY;
  const reason = withheldReason(policy);
  const rowsKey = view.key === 'e' ? 'rows' : 'clusters';
  const rows = Array.isArray(figure[rowsKey]) ? (figure[rowsKey] as unknown[]) : [];
  const shown: Record<string, unknown> = {
    ...figure,
    overall: shownRow(figure['overall'], view, `${view.key}|overall`, withheld, reason),
    [rowsKey]: rows.map((row, i) => {
      const r = isRecord(row) ? row : {};
      return shownRow(row, view, view.key === 'e' ? `e|band|${String(r['cluster'])}|${String(r['row'])}` : `d|cluster|${i}`, withheld, reason);
    }),
    pipeline: shownLadder(figure['pipeline'], view, withheld),
  };
  if (withheld(`${view.key}|overall`)) {
    shown['statement'] = `The shares of the workforce of ${scopeLabel(scope)} are withheld: ${reason}.`;
  }
  if ('bankOnlyExcluded' in figure && withheld('bank')) shown['bankOnlyExcluded'] = null;
  return { ...report, [place]: { ...report[place], '1': shown } };
}
