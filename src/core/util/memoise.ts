/**
 * Remembers the answers of a pure function of one string. Workforce files repeat the same few values (ethnic
 * categories, bands, staff groups) on every row, so each distinct value is read once. The cache stops growing at
 * `limit` entries so a file of unique values cannot exhaust memory; a value met after that is answered by
 * `pastLimit` (by default the function itself) and not remembered.
 *
 * In front of the Map is a small table with a place for each value by its length and three of its characters:
 * each cell of a file is a new string whose hash V8 must work out before the Map can look it up, while a value
 * already in its place is found by comparing the two strings. A value whose place is taken goes to the Map alone.
 * Both keep a copy of the value rather than the value itself, which may be cut from a large piece of a file and
 * would keep all of that piece.
 */
const PLACES = 1024;

export function memoise<T>(fn: (raw: string) => T, limit = 10_000, pastLimit: (raw: string) => T = fn): (raw: string) => T {
  const cache = new Map<string, T>();
  const keys: (string | null)[] = new Array<string | null>(PLACES).fill(null);
  const values: T[] = new Array<T>(PLACES);
  return (raw) => {
    const length = raw.length;
    const place = length === 0 ? 0 : (length * 31 + raw.charCodeAt(0) * 7 + raw.charCodeAt(length >> 1) * 3 + raw.charCodeAt(length - 1)) & (PLACES - 1);
    const key = keys[place];
    if (key === raw) return values[place] as T;
    let value = cache.get(raw);
    if (value === undefined && !cache.has(raw)) {
      if (cache.size >= limit) return pastLimit(raw);
      value = fn(raw);
      cache.set(ownCopy(raw), value);
    }
    if (key === null) {
      keys[place] = ownCopy(raw);
      values[place] = value as T;
    }
    return value as T;
  };
}

/**
 * A string equal to `text` that holds on to nothing else: V8 makes a string cut from another of 13 characters or
 * more a view of that other string (which keeps all of it), and a shorter one a copy. So a longer one is put together
 * from copies of its pieces of 12 (a third of the time of a round trip through JSON, which it replaced).
 */
export function ownCopy(text: string): string {
  if (text.length < 13) return text;
  let copy = '';
  for (let at = 0; at < text.length; at += 12) copy += text.slice(at, at + 12);
  return copy;
}
