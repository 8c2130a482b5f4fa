import { parseEntityRef } from '@backstage/catalog-model';
import { GOLDEN_PATH_KIND } from '@golden-paths/golden-paths-common';

/** The namespace and name of a path ref, or undefined when it is not one. */
export function parsePathRef(
  ref: string,
  defaultNamespace = 'default',
): { namespace: string; name: string } | undefined {
  try {
    const parsed = parseEntityRef(ref.trim(), {
      defaultKind: GOLDEN_PATH_KIND,
      defaultNamespace,
    });
    if (
      parsed.kind.toLocaleLowerCase('en-US') !==
      GOLDEN_PATH_KIND.toLocaleLowerCase('en-US')
    ) {
      return undefined;
    }
    return { namespace: parsed.namespace, name: parsed.name };
  } catch {
    return undefined;
  }
}
