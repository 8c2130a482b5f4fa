import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { GOLDEN_PATH_KIND } from '@golden-paths/golden-paths-common';
import { pathRouteRef } from '../../routes';

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

/**
 * A link to a golden path's page, named by its title or, without one, by its
 * name. A ref that does not parse is shown as text.
 */
export function PathLink(props: {
  pathRef: string;
  title?: string;
  defaultNamespace?: string;
}) {
  const pathRoute = useRouteRef(pathRouteRef);
  const parsed = parsePathRef(props.pathRef, props.defaultNamespace);
  if (!parsed) {
    return <>{props.title ?? props.pathRef}</>;
  }
  return <Link to={pathRoute(parsed)}>{props.title ?? parsed.name}</Link>;
}
