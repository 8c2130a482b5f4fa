import { InputError } from '@backstage/errors';
import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';

/**
 * The built-in checks and those added through the extension point, and which
 * of them apply to a path.
 */
export class CheckRegistry {
  readonly #builtIn: ReadonlyArray<GoldenPathCheck>;
  readonly #added: ReadonlyArray<GoldenPathCheck>;

  constructor(
    builtIn: ReadonlyArray<GoldenPathCheck>,
    added: ReadonlyArray<GoldenPathCheck>,
  ) {
    const seen = new Set<string>();
    for (const check of [...builtIn, ...added]) {
      if (seen.has(check.id)) {
        throw new InputError(
          `Two golden-path checks have the id "${check.id}"; check ids must be unique`,
        );
      }
      seen.add(check.id);
    }
    this.#builtIn = builtIn;
    this.#added = added;
  }

  /**
   * The checks for a path's followers: its guarantees in the order it lists
   * them, then the added checks that apply to it.
   */
  checksFor(path: GoldenPathEntityV1alpha1): GoldenPathCheck[] {
    const guarantees = path.spec.guarantees ?? [];
    const builtIn = guarantees.flatMap(id => {
      const check = this.#builtIn.find(c => c.id === id);
      return check && (check.appliesTo?.(path) ?? true) ? [check] : [];
    });
    const added = this.#added.filter(c => c.appliesTo?.(path) ?? true);
    return [...builtIn, ...added];
  }
}
