import { MarkdownContent } from '@backstage/core-components';
import { safeHref } from './safeHref';

/**
 * Markdown written by someone else (a path's steps, a template's release
 * notes). The Markdown renderer turns a `javascript:` link into
 * `javascript:void(0)`, which Backstage's `Link` then refuses by throwing;
 * such links are shown as their text instead.
 */
export function SafeMarkdown(props: {
  content: string;
  dialect?: 'gfm' | 'common-mark';
}) {
  return (
    <MarkdownContent
      content={props.content}
      dialect={props.dialect}
      transformLinkUri={href => safeHref(href, { relative: true }) ?? ''}
    />
  );
}
