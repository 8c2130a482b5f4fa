import { dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `text` (a message, a location) with the folder of a template registered
 * from a file written as `.`, the way its annotations write locations
 * (`./versions/2.1.0`): that folder is a directory of the backend's host,
 * which messages shown to users never name. Locations on a Git host stay
 * as they are: users know them from the catalog.
 */
export function hideTemplateFolder(text: string, templateUrl: string): string {
  if (!templateUrl.startsWith('file:')) {
    return text;
  }
  const folder = dirname(fileURLToPath(templateUrl));
  const folderUrl = pathToFileURL(folder).href;
  return text
    .split(`${folderUrl}/`)
    .join('./')
    .split(folderUrl)
    .join('.')
    .split(`${folder}${sep}`)
    .join(`.${sep}`)
    .split(folder)
    .join('.');
}
