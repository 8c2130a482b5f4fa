import { formatFieldPath } from '../validation/fieldPath';
import type { EntityProblem } from '../validation/types';
import { isSafeLinkUrl } from './linkUrl';

/**
 * `metadata.links` must be web or email addresses: the portal shows them as
 * links on the path's page, and a `javascript:` one would run script there
 * for whoever clicks it.
 */
export function linkProblems(data: any): EntityProblem[] {
  const links = data?.metadata?.links;
  if (!Array.isArray(links)) {
    return [];
  }
  return links.flatMap((link, index): EntityProblem[] => {
    const url = link?.url;
    if (typeof url !== 'string' || url === '' || isSafeLinkUrl(url)) {
      // The schema reports a missing, empty or wrongly typed url.
      return [];
    }
    const path = ['metadata', 'links', index, 'url'];
    return [
      {
        path,
        field: formatFieldPath(path),
        message: `must be an http, https or mailto address; got ${JSON.stringify(
          url,
        )}`,
      },
    ];
  });
}
