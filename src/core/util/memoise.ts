/**
 * Remembers the answers of a pure function of one string. Workforce files repeat the same few values (ethnic
 * categories, bands, staff groups) on every row, so each distinct value is read once. The cache stops growing at
 * `limit` entries so a file of unique values cannot exhaust memory.
 */
export function memoise<T>(fn: (raw: string) => T, limit = 10_000): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    const hit = cache.get(raw);
    if (hit !== undefined || cache.has(raw)) return hit as T;
    const value = fn(raw);
    if (cache.size < limit) cache.set(raw, value);
    return value;
  };
}
