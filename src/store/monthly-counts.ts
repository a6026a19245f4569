/**
 * The store's monthly counts, for any characteristic: per calendar month (YYYY-MM) and per recorded category (an
 * ethnic code, or a disability answer: yes, no, notDeclared, missing), so that the caller rolls categories up into
 * the groups it compares (src/core/indicators/compared-groups.ts). Grouped in SQL by month and category (substr,
 * count, min and coalesce are the same on both databases); booleans are read back in JavaScript, since SQLite
 * stores them as 0/1.
 */
import { sql, type Kysely } from 'kysely';
import type { ReportingPeriod } from '../core/wres/reporting-period.ts';
import type { Database } from './schema.ts';
import type { MonthlyAppointmentsByCategory, MonthlyCharacteristic, MonthlyEventKind, MonthlyPeopleByCategory } from './store.ts';
import { toBoolean, toCount } from './values.ts';

/** The column each characteristic is kept in, on staff and application records. */
const COLUMN: Readonly<Record<MonthlyCharacteristic, 'ethnic_code' | 'disability'>> = { ethnicity: 'ethnic_code', disability: 'disability' };

const EVENT_TABLES = { disciplinary: 'disciplinary_records', training: 'training_records', capability: 'capability_records' } as const;

/** The characteristic each event table keeps on its own rows (the person's staff record gives it otherwise). */
const OWN_COLUMN: Readonly<Record<MonthlyEventKind, MonthlyCharacteristic>> = { disciplinary: 'ethnicity', training: 'ethnicity', capability: 'disability' };

function inMonthOrder<T>(byMonth: ReadonlyMap<string, T>): [string, T][] {
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Applications per month of the application date and category: how many were shortlisted and how many of those
 * appointed (as indicator 2 and metric 2 count them). Rows without a date or dated outside the period are left out.
 * A category appears in a month when any application of it is dated then, shortlisted or not.
 */
export async function monthlyAppointmentsBy(
  db: Kysely<Database>, importVersionId: number, characteristic: MonthlyCharacteristic, period: ReportingPeriod,
): Promise<MonthlyAppointmentsByCategory[]> {
  const month = sql<string>`substr(application_date, 1, 7)`;
  const category = sql<string>`${sql.ref(COLUMN[characteristic])}`;
  const rows = await db.selectFrom('application_records')
    .select([month.as('month'), category.as('category'), 'shortlisted', 'appointed', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('import_version_id', '=', importVersionId)
    .where('application_date', '>=', period.start)
    .where('application_date', '<=', period.end)
    .groupBy([month, category, 'shortlisted', 'appointed'])
    .execute();
  const byMonth = new Map<string, Record<string, { shortlisted: number; appointed: number }>>();
  for (const row of rows) {
    const entry = byMonth.get(row.month) ?? {};
    byMonth.set(row.month, entry);
    const counts = entry[row.category] ?? { shortlisted: 0, appointed: 0 };
    entry[row.category] = counts;
    if (!toBoolean(row.shortlisted)) continue;
    const n = toCount(row.n);
    counts.shortlisted += n;
    if (toBoolean(row.appointed)) counts.appointed += n;
  }
  return inMonthOrder(byMonth).map(([m, categories]) => ({ month: m, categories }));
}

/**
 * People per month of their FIRST event of the kind in the period, and per category: the row's own where the file
 * keeps the characteristic on event rows (ethnicity on disciplinary and training rows, disability on capability
 * rows), else the person's staff record's. As the annual counts do: bank-only staff are left out, mandatory training
 * does not count, and a person whose category cannot be told (not in the staff records, none on the row) is left out.
 */
export async function monthlyFirstEventsBy(
  db: Kysely<Database>, importVersionId: number, kind: MonthlyEventKind, characteristic: MonthlyCharacteristic, period: ReportingPeriod,
): Promise<MonthlyPeopleByCategory[]> {
  // The event tables share the columns read here; typed as the disciplinary one so a single query serves all three.
  const table = `${EVENT_TABLES[kind]} as e` as 'disciplinary_records as e';
  const staffColumn = sql.ref(`s.${COLUMN[characteristic]}`);
  const category = OWN_COLUMN[kind] === characteristic
    ? sql<string | null>`max(coalesce(${sql.ref(`e.${COLUMN[characteristic]}`)}, ${staffColumn}))`
    : sql<string | null>`max(${staffColumn})`;
  let query = db.selectFrom(table)
    .leftJoin('staff_records as s', (join) => join.onRef('s.import_version_id', '=', 'e.import_version_id').onRef('s.pseudonym', '=', 'e.pseudonym'))
    .select(['e.pseudonym', sql<string>`min(e.start_date)`.as('first_date'), category.as('category')])
    .where('e.import_version_id', '=', importVersionId)
    .where('e.start_date', '>=', period.start)
    .where('e.start_date', '<=', period.end)
    .where((eb) => eb.or([eb('s.bank_only', 'is', null), eb('s.bank_only', '=', false)]))
    .groupBy('e.pseudonym');
  if (kind === 'training') query = query.where(sql.ref('e.mandatory'), '=', false);
  const people = await query.execute();
  const byMonth = new Map<string, Record<string, number>>();
  for (const person of people) {
    if (person.category === null) continue;
    const month = person.first_date.slice(0, 7);
    const entry = byMonth.get(month) ?? {};
    entry[person.category] = (entry[person.category] ?? 0) + 1;
    byMonth.set(month, entry);
  }
  return inMonthOrder(byMonth).map(([m, categories]) => ({ month: m, categories }));
}

/** How many event records of the kind a version keeps (none for capability in imports made before they were kept). */
export async function eventRecordCount(db: Kysely<Database>, importVersionId: number, kind: MonthlyEventKind): Promise<number> {
  const table = EVENT_TABLES[kind] as 'disciplinary_records';
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('import_version_id', '=', importVersionId).executeTakeFirst();
  return toCount(row?.n ?? 0);
}
