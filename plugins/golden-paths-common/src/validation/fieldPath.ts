import type { DocumentPath } from './types';

/**
 * Writes a document path the way people write fields: `spec.steps[1].title`.
 *
 * @public
 */
export function formatFieldPath(path: DocumentPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      out += out ? `.${segment}` : segment;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/**
 * Turns an ajv instance path (`/spec/steps/1`) into a document path.
 */
export function parseJsonPointer(pointer: string): Array<string | number> {
  if (!pointer) {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map(raw => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(segment => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
