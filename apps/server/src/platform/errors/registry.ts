import type { ErrorSpec } from './app-error.ts';

/** All error codes the server can answer with, merged from the platform and every module. */
export class ErrorRegistry {
  readonly #specs = new Map<string, ErrorSpec>();

  /** Adds a module's codes; a code defined twice is a wiring bug and fails at boot. */
  register(specs: Readonly<Record<string, ErrorSpec>>): this {
    for (const [code, spec] of Object.entries(specs)) {
      if (this.#specs.has(code)) throw new Error(`error code ${code} is registered twice`);
      this.#specs.set(code, spec);
    }
    return this;
  }

  /** The spec of a code, or undefined for a code nobody registered. */
  get(code: string): ErrorSpec | undefined {
    return this.#specs.get(code);
  }

  /** Every code, sorted, for the docs table. */
  list(): Array<{ code: string } & ErrorSpec> {
    return [...this.#specs].map(([code, spec]) => ({ code, ...spec })).sort((a, b) => a.code.localeCompare(b.code));
  }
}
