import { isSafeLinkUrl } from '@golden-paths/golden-paths-common';

/**
 * The address to link to, or undefined when a link written by someone else
 * could run script or open something other than a web page or an email
 * (see `isSafeLinkUrl`). Relative addresses are kept only with `relative`.
 */
export function safeHref(
  url: string | undefined,
  options: { relative?: boolean } = {},
): string | undefined {
  return url && isSafeLinkUrl(url, options) ? url.trim() : undefined;
}
