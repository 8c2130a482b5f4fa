/** Schemes a link written in an entity may use. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether an address written by someone else (an entity's link, a Markdown
 * link, a Git host's answer) is safe to make a link of: http, https or
 * mailto, never `javascript:`, `data:` or another scheme a browser would
 * run or open. Browsers ignore control characters and spaces before and
 * inside a scheme (`\tjava\nscript:`), so they are ignored here too.
 * Relative addresses (`/docs`, `#install`) pass only with `relative`.
 *
 * @public
 */
export function isSafeLinkUrl(
  url: string,
  options: { relative?: boolean } = {},
): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (squeezed === '') {
    return false;
  }
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(squeezed)?.[1];
  if (!scheme) {
    return options.relative === true;
  }
  return LINK_SCHEMES.has(scheme.toLocaleLowerCase('en-US'));
}
