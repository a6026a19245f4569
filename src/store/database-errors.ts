/**
 * Which errors mean "the database cannot answer just now" rather than a fault in Mirror: PostgreSQL restarting,
 * dropping connections or refusing new ones, the network to it failing, or SQLite held by another writer for longer
 * than we wait. The web application answers these with 503 and a plain "try again"; the next request gets a fresh
 * connection.
 */

/** Node's codes for a connection that failed or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), the server shutting down or not yet accepting connections
 * (57P01 to 57P05), and too many connections (53300).
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[1-5]|53300)$/;

/** node-postgres reports a connection it lost, or could not make in time, with these messages and no code. */
const POSTGRES_CONNECTION_MESSAGES = [
  'Connection terminated',
  'is not queryable',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
];

/** True when the error, or one it wraps, says the database is unavailable or busy for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, (e) => {
    const code = typeof e['code'] === 'string' ? e['code'] : '';
    if (isSqliteBusyCode(code) || NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code)) return true;
    const message = typeof e['message'] === 'string' ? e['message'] : '';
    return code === '' && POSTGRES_CONNECTION_MESSAGES.some((m) => message.includes(m));
  });
}

/**
 * SQLITE_BUSY (another connection holds the lock) and SQLITE_LOCKED, with their extended codes, except
 * SQLITE_BUSY_SNAPSHOT, which needs its transaction started again rather than the statement tried again.
 */
export function isSqliteBusyCode(code: string): boolean {
  return /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code) && code !== 'SQLITE_BUSY_SNAPSHOT';
}

/** Walks the error, its `cause` chain and an AggregateError's errors (a host with two addresses), a few deep. */
function someCause(error: unknown, test: (e: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  if (test(e)) return true;
  if (someCause(e['cause'], test, depth + 1)) return true;
  return Array.isArray(e['errors']) && e['errors'].some((inner) => someCause(inner, test, depth + 1));
}
