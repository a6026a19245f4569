/**
 * Fair admission between routes (issue 15, "other routes unaffected"). One event loop serves every route, and most of
 * a page's work (SQLite through better-sqlite3, the reports, the charts, the templates) runs on it without yielding.
 * Without admission, fifty requests for one page read in one turn of the loop are all worked in that turn, and a
 * request for any other page read with them waits behind every one. With it, each route (its method and pattern, so
 * every organisation's dashboard is one route) is worked on at most `perRoute` requests at a time; the rest wait in
 * that route's own queue, first come first served, costing nothing but their place. A request for another route is
 * let in at once, so it waits behind at most a few pages' work whatever the flood, not behind the whole flood.
 *
 * A waiting request is let in when one of its route's requests in work is answered (its response closed, which is
 * also how a request whose client went away ends). A waiting request whose client goes away leaves the queue and is
 * never worked: `admit` rejects with an AbortError, which the fault handler (app.ts) answers 499 with nothing rendered.
 *
 * The limit is a setting (MIRROR_ROUTE_CONCURRENCY, config.ts): a page waiting on PostgreSQL's answers does no work
 * meanwhile, so a store across the network may want more at a time than the embedded one.
 */

/** How many requests of one route are worked at a time when MIRROR_ROUTE_CONCURRENCY is not set. */
export const DEFAULT_ROUTE_CONCURRENCY = 4;

interface Waiting {
  readonly signal: AbortSignal;
  readonly admit: () => void;
  readonly onAbort: () => void;
}

interface Route {
  working: number;
  readonly waiting: Waiting[];
}

export class FairAdmission {
  private readonly routes = new Map<string, Route>();

  constructor(readonly perRoute: number) {
    if (!Number.isInteger(perRoute) || perRoute < 1) throw new Error(`requests a route works at a time must be a whole number of at least 1, not ${perRoute}`);
  }

  /**
   * Resolves, once the request may be worked, with the function to call when it has been answered (calling it more
   * than once does nothing). Rejects with an AbortError if `signal` aborts while the request waits.
   */
  admit(route: string, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(abortError());
    const state = this.routes.get(route) ?? { working: 0, waiting: [] };
    this.routes.set(route, state);
    if (state.working < this.perRoute) {
      state.working++;
      return Promise.resolve(this.releaser(route, state));
    }
    return new Promise((resolve, reject) => {
      const entry: Waiting = {
        signal,
        admit: () => {
          signal.removeEventListener('abort', entry.onAbort);
          resolve(this.releaser(route, state));
        },
        onAbort: () => {
          const at = state.waiting.indexOf(entry);
          if (at >= 0) state.waiting.splice(at, 1);
          this.forgetIfIdle(route, state);
          reject(abortError());
        },
      };
      signal.addEventListener('abort', entry.onAbort, { once: true });
      state.waiting.push(entry);
    });
  }

  /** Requests in work and waiting, per route with any (for tests and diagnostics). */
  snapshot(): ReadonlyMap<string, { readonly working: number; readonly waiting: number }> {
    return new Map([...this.routes].map(([route, s]) => [route, { working: s.working, waiting: s.waiting.length }]));
  }

  private releaser(route: string, state: Route): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      // The place passes straight to the next in line, so the count of requests in work never drops and rises again.
      if (next) next.admit();
      else {
        state.working--;
        this.forgetIfIdle(route, state);
      }
    };
  }

  private forgetIfIdle(route: string, state: Route): void {
    if (state.working === 0 && state.waiting.length === 0 && this.routes.get(route) === state) this.routes.delete(route);
  }
}

function abortError(): Error {
  return Object.assign(new Error('the client went away while its request waited'), { name: 'AbortError' });
}
