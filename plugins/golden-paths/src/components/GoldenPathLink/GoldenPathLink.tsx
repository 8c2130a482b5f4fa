import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  GOLDEN_PATH_KIND,
  GOLDEN_PATH_KIND_LOWER,
  parseGoldenPathRef,
} from '@golden-paths/golden-paths-common';
import type { ReactNode } from 'react';
import { useGoldenPathHref } from './useGoldenPathHref';

/**
 * A link to a golden path's page (or its catalog page when the Golden Paths
 * page is not mounted); plain text when neither can be linked, or when the
 * ref is not a golden path's. A ref without a namespace is read in
 * `defaultNamespace` (an annotation is relative to its entity's namespace).
 */
export function GoldenPathLink(props: {
  pathRef: string;
  children?: ReactNode;
  defaultNamespace?: string;
}) {
  const hrefOf = useGoldenPathHref();
  const parsed = parseGoldenPathRef(props.pathRef, props.defaultNamespace);
  if (!parsed) {
    return <>{props.children ?? props.pathRef}</>;
  }
  const text =
    props.children ??
    humanizeEntityRef(parsed, { defaultKind: GOLDEN_PATH_KIND });
  const href = hrefOf(
    `${GOLDEN_PATH_KIND_LOWER}:${parsed.namespace}/${parsed.name}`,
  );
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}
