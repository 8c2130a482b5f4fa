import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import type { ReactNode } from 'react';
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
 * page is not mounted); plain text when neither can be linked.
 */
export function GoldenPathLink(props: {
  pathRef: string;
  children?: ReactNode;
}) {
  const href = useGoldenPathHref()(props.pathRef);
  const text = props.children ?? humanize(props.pathRef);
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}
