/**
 * Results computed from an import's stored counts and records (a standard's report, a measure's twelve months, a
 * year's peer funnels), kept in memory so that a page asked for again answers without counting again.
 *
 * Correctness rests on the keys, never on expiry: every key names exactly what the result is a pure function of,
 * in particular the id of each import version read. A version never changes once written (a new import makes a
 * new version, with a new id, current; ids are never reused), so a new import of any year read, or of any peer's
 * year, changes the key and the old entry is simply never asked for again. Anything read that is not a version
 * (the national figures of a year) goes into the key by value. The disclosure variant (the policy, whether
 * breakdowns are suppressed, the settings) is part of every report's key, so a viewer's and an analyst's results
 * are never mixed.
 *
 * One cache per open store (ids are only unique within one database), bounded twice: at most CACHE_MAX_ENTRIES
 * entries and about CACHE_MAX_BYTES of results, measured as the length of their JSON in UTF-16 (two bytes a
 * character); the least recently used go first. Cached results are deeply frozen, so no caller can change what
 * the next one is given.
 */
import { LRUCache } from 'lru-cache';

/** At most this many results per open store. */
export const CACHE_MAX_ENTRIES = 5_000;
/** At most about this many bytes of results per open store (their JSON's length, two bytes a character). */
export const CACHE_MAX_BYTES = 64 * 2 ** 20;

export interface ComputedCache {
  /** The result under `key`, computing and keeping it when it is not there (or has been evicted). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** How many results are kept and their size in bytes, as bounded above. */
  readonly stats: () => { readonly entries: number; readonly bytes: number };
}

const caches = new WeakMap<object, ComputedCache>();

/** The cache of results computed from `owner` (the open store); one per owner, made on first use. */
export function computedCache(owner: object): ComputedCache {
  let cache = caches.get(owner);
  if (!cache) {
    cache = createComputedCache();
    caches.set(owner, cache);
  }
  return cache;
}

export function createComputedCache(bounds: { maxEntries?: number; maxBytes?: number } = {}): ComputedCache {
  const lru = new LRUCache<string, { readonly value: unknown }>({
    max: bounds.maxEntries ?? CACHE_MAX_ENTRIES,
    maxSize: bounds.maxBytes ?? CACHE_MAX_BYTES,
  });
  // Concurrent requests for the same key share one computation.
  const pending = new Map<string, Promise<unknown>>();
  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = lru.get(key);
      if (hit) return hit.value as T;
      const running = pending.get(key);
      if (running) return running as Promise<T>;
      const computing = (async () => {
        try {
          const value = deepFreeze(await compute());
          const size = Math.max(1, 2 * (JSON.stringify(value)?.length ?? 0));
          // A result larger than the whole bound is returned but not kept.
          if (size <= lru.maxSize) lru.set(key, { value }, { size });
          return value;
        } finally {
          pending.delete(key);
        }
      })();
      pending.set(key, computing);
      return computing;
    },
    stats: () => ({ entries: lru.size, bytes: lru.calculatedSize }),
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
