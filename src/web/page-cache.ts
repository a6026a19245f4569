/**
 * Rendered viewer pages kept in memory (issue 15, "reports served from cache"), so that a page asked for again is a
 * lookup rather than building its figures, charts and HTML afresh. Used by sendYearPage (private-revalidation.ts) for
 * the everyone-else view only: an analyst's page (counts of 1 to 7 on screen) is never kept, here or anywhere.
 *
 * The key names everything a page is built from, so correctness rests on it, never on expiry:
 * - the application's build, the template, and the address with its query string (the path names the organisation,
 *   the year and the page);
 * - the person's role in the organisation and what the layout shows of them beyond their name (whether they are an
 *   administrator, and an analyst anywhere: the header's navigation and the national return's links);
 * - the organisation's row (code, name, region, type, synthetic...), its imported years and their current versions;
 * - and the route's inputs: everything its page is built from. An input that is a frozen object (a result of the
 *   computed cache, services/computed-cache.ts, which is deeply frozen and can never change) is named by its
 *   identity, so a report is not serialised on every request; anything else is taken by value (its JSON). A new
 *   import, a peer's import or a changed national figure gives the route a different result object, so a new key.
 *   The page's builder reads nothing but these (and the key's other parts): that is the rule for routes.
 *
 * The parts of a page that belong to one request are never kept: the page is rendered with placeholders for the
 * Content-Security-Policy nonce, the session's CSRF token and the person's name in the header, and each request's
 * own are put in their place (escaped as the template escapes them), so no person ever gets another's. Everything
 * else in the layout that depends on the person is in the key.
 *
 * Bounded: at most PAGE_CACHE_MAX_ENTRIES pages and about PAGE_CACHE_MAX_BYTES (their UTF-8), least
 * recently used first out; one cache per open store (ids are only unique within one database). Concurrent requests
 * for a page not yet kept share one build, so fifty connections cause one build, not fifty.
 *
 * The rule that a builder reads nothing but its key's parts is checked wherever MIRROR_VERIFY_PAGE_CACHE=1 (the test
 * runner, scripts/run-tests.js, sets it for every test): each kept page asked for again is also built afresh and
 * must be the same page, or the request fails naming the address. A route whose page reads something it does not
 * declare is so caught by any test that changes that thing and asks for the page again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export const PAGE_CACHE_MAX_ENTRIES = 2_000;
export const PAGE_CACHE_MAX_BYTES = 64 * 2 ** 20;

/** The per-request parts of a page, filled in on every answer. */
export interface RequestParts {
  readonly nonce: string;
  readonly csrfToken: string;
  readonly displayName: string;
}

/** Letters and digits only, so escaping leaves them as they are; random per process, so no page can contain them. */
const STAMP = randomBytes(12).toString('hex');
export const PLACEHOLDERS: RequestParts = { nonce: `mirrorslot${STAMP}n`, csrfToken: `mirrorslot${STAMP}c`, displayName: `mirrorslot${STAMP}u` };
const SLOTS = new RegExp(`mirrorslot${STAMP}([ncu])`, 'g');

/**
 * A kept page: its text split at the placeholders, each piece already encoded as UTF-8 (so an answer is copying
 * bytes, not encoding the page again), the slot letters between them, and its hash.
 */
export interface KeptPage {
  /** The pieces between the placeholders: one more than the slots. */
  readonly pieces: readonly Buffer[];
  /** Which placeholder comes after each piece but the last: n (nonce), c (CSRF token), u (name). */
  readonly slots: readonly string[];
  /** A hash of the page as kept, placeholders and all, for the ETag. */
  readonly hash: string;
  /** Its size in bytes. */
  readonly bytes: number;
}

export function keptPage(html: string): KeptPage {
  const parts = html.split(SLOTS);
  const pieces = parts.filter((_, i) => i % 2 === 0).map((p) => Buffer.from(p, 'utf8'));
  return {
    pieces, slots: parts.filter((_, i) => i % 2 === 1), hash: createHash('sha256').update(html).digest('base64url'),
    bytes: pieces.reduce((n, b) => n + b.length, 0),
  };
}

/** Nunjucks' own autoescaping (nunjucks/src/lib.js escape), which its types do not declare. */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };
function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (c) => ESCAPES[c]!);
}

/** The kept page with one request's own parts in place of the placeholders, as the bytes to send. */
export function fillPage(page: KeptPage, own: RequestParts): Buffer {
  const values: Record<string, Buffer> = {
    n: Buffer.from(own.nonce, 'utf8'), c: Buffer.from(escapeHtml(own.csrfToken), 'utf8'), u: Buffer.from(escapeHtml(own.displayName), 'utf8'),
  };
  const chunks: Buffer[] = [page.pieces[0]!];
  for (let i = 0; i < page.slots.length; i++) chunks.push(values[page.slots[i]!]!, page.pieces[i + 1]!);
  return Buffer.concat(chunks);
}

/** Ids of frozen objects, given in order of first sight and never reused. */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** An input as it goes into a key: a frozen object by its identity, anything else by value. */
function keyPart(value: unknown): unknown {
  if (Array.isArray(value) && !Object.isFrozen(value)) return value.map(keyPart);
  if (value !== null && typeof value === 'object' && Object.isFrozen(value)) {
    let id = identities.get(value);
    if (id === undefined) {
      id = nextIdentity++;
      identities.set(value, id);
    }
    return { '#frozen': id };
  }
  return value;
}

/** The key of a page from its parts (see the module's comment), as a fixed-length hash. */
export function pageKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts.map(keyPart))).digest('base64url');
}

export interface PageCache {
  /**
   * The page under `key`, building and keeping it when it is not there; concurrent callers share one build. `what`
   * names the page (its address) in the error of a failed verification.
   */
  get(key: string, build: () => Promise<string>, what?: string): Promise<KeptPage>;
  readonly stats: () => { readonly entries: number; readonly bytes: number; readonly builds: number };
}

export interface PageCacheOptions {
  readonly maxEntries?: number;
  readonly maxBytes?: number;
  /** Build every kept page again when it is asked for, and fail if it differs (see the module's comment). */
  readonly verify?: boolean;
}

/** A kept page that differs from a fresh build of the same key: its builder read something its key does not name. */
export class StalePageError extends Error {
  constructor(what: string) {
    super(`the kept page of ${what} differs from a fresh build under the same key: its builder reads something its key does not name`);
    this.name = 'StalePageError';
  }
}

/** Whether MIRROR_VERIFY_PAGE_CACHE asks for every kept page to be checked against a fresh build. */
export function verifyFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env['MIRROR_VERIFY_PAGE_CACHE'] === '1';
}

export function createPageCache(options: PageCacheOptions = {}): PageCache {
  const lru = new LRUCache<string, KeptPage>({ max: options.maxEntries ?? PAGE_CACHE_MAX_ENTRIES, maxSize: options.maxBytes ?? PAGE_CACHE_MAX_BYTES });
  const pending = new Map<string, Promise<KeptPage>>();
  let builds = 0;
  const verified = async (hit: KeptPage, build: () => Promise<string>, what: string): Promise<KeptPage> => {
    if (keptPage(await build()).hash !== hit.hash) throw new StalePageError(what);
    return hit;
  };
  return {
    get(key, build, what = 'a page') {
      const hit = lru.get(key);
      if (hit) return options.verify ? verified(hit, build, what) : Promise.resolve(hit);
      const running = pending.get(key);
      if (running) return running;
      const building = (async () => {
        try {
          builds++;
          const page = keptPage(await build());
          const size = Math.max(1, page.bytes);
          // A page larger than the whole bound is sent but not kept.
          if (size <= lru.maxSize) lru.set(key, page, { size });
          return page;
        } finally {
          pending.delete(key);
        }
      })();
      pending.set(key, building);
      return building;
    },
    stats: () => ({ entries: lru.size, bytes: lru.calculatedSize, builds }),
  };
}

const caches = new WeakMap<object, PageCache>();

/** The page cache of `owner` (the open store); one per owner, made on first use. */
export function pageCache(owner: object): PageCache {
  let cache = caches.get(owner);
  if (!cache) {
    cache = createPageCache({ verify: verifyFromEnv() });
    caches.set(owner, cache);
  }
  return cache;
}
