import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import type { ReactNode } from 'react';
import { parsePathRef } from '../shared/parsePathRef';
import { useGoldenPathHref } from './useGoldenPathHref';

function humanize(pathRef: string): string {
  try {
    return humanizeEntityRef(
      parseEntityRef(pathRef, { defaultKind: 'goldenpath' }),
      { defaultKind: 'goldenpath' },
    );
  } catch {
    return pathRef;
  }
}

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
  const parsed = parsePathRef(props.pathRef, props.defaultNamespace);
  if (!parsed) {
    return <>{props.children ?? props.pathRef}</>;
  }
  const pathRef = `goldenpath:${parsed.namespace}/${parsed.name}`;
  const text = props.children ?? humanize(pathRef);
  const href = hrefOf(pathRef);
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}
