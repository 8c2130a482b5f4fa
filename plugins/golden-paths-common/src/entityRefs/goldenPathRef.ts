import type { CompoundEntityRef } from '@backstage/catalog-model';
import { GOLDEN_PATH_KIND } from '../constants';
import { tryParseEntityRef } from './entityRefKey';

/**
 * Reads a reference to a golden path as the catalog module does (the
 * `golden-paths.dev/path` annotation, `spec.replacedBy`, a path input):
 * trimmed, `goldenpath` unless it names a kind, in `defaultNamespace` unless
 * it names one. Undefined when it is not a valid ref to a GoldenPath.
 *
 * @public
 */
export function parseGoldenPathRef(
  value: string,
  defaultNamespace = 'default',
): CompoundEntityRef | undefined {
  return tryParseEntityRef(value.trim(), {
    defaultKind: GOLDEN_PATH_KIND,
    defaultNamespace,
    allowedKinds: [GOLDEN_PATH_KIND],
  });
}
