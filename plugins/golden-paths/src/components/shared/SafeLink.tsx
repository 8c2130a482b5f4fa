import { Link } from '@backstage/core-components';
import type { ReactNode } from 'react';
import { safeHref } from './safeHref';

/**
 * A link to an address written by someone else: a link when it is http,
 * https or mailto, else its text with the address beside it, not clickable.
 * Backstage's `Link` throws on `javascript:` addresses, which would take the
 * whole card down.
 */
export function SafeLink(props: { url: string; children?: ReactNode }) {
  const href = safeHref(props.url);
  if (href) {
    return <Link to={href}>{props.children ?? props.url}</Link>;
  }
  return (
    <span title="Not a web or email address, so not linked">
      {props.children ? (
        <>
          {props.children} ({props.url})
        </>
      ) : (
        props.url
      )}
    </span>
  );
}
