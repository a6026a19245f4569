/**
 * The standards Mirror knows, in the order pages and help list them. Import, the store, the report services, the
 * JSON API, the command line, downloads and the generic standard page all work over a registry, so adding a
 * standard is one declaration here. Tests build their own registry with a made-up standard to prove it.
 */
import type { AnyStandard } from './standard.ts';

export class StandardRegistry {
  readonly #byId = new Map<string, AnyStandard>();

  constructor(standards: readonly AnyStandard[]) {
    for (const standard of standards) this.register(standard);
  }

  register(standard: AnyStandard): void {
    if (!/^[a-z][a-z0-9-]*$/.test(standard.id)) throw new Error(`A standard's id must be lower-case letters, digits and hyphens: "${standard.id}".`);
    if (this.#byId.has(standard.id)) throw new Error(`A standard with the id "${standard.id}" is already registered.`);
    this.#byId.set(standard.id, standard);
  }

  get(id: string): AnyStandard | null {
    return this.#byId.get(id) ?? null;
  }

  all(): readonly AnyStandard[] {
    return [...this.#byId.values()];
  }
}
