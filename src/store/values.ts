/**
 * Reading values back the same on both databases: SQLite returns booleans as 0/1 and timestamps as ISO text,
 * PostgreSQL returns booleans and Dates. Writing needs no help on PostgreSQL; on SQLite the values plugin encodes.
 */

export function toBoolean(value: boolean | number): boolean {
  return value === true || value === 1;
}

export function toNullableBoolean(value: boolean | number | null): boolean | null {
  return value === null ? null : toBoolean(value);
}

export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toNullableDate(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/** COUNT(*) is a bigint on PostgreSQL, which the driver returns as a string. */
export function toCount(value: number | string | bigint): number {
  return Number(value);
}
