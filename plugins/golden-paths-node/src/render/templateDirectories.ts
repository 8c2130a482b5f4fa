import { dirname, resolve as resolvePath, sep } from 'node:path';
import type { Config } from '@backstage/config';

/**
 * Further directories whose templates may be read from the disk, in config.
 *
 * @public
 */
export const TEMPLATE_DIRECTORIES_CONFIG_KEY =
  'goldenPaths.templates.directories';

/** A path segment from which a catalog file target is a glob pattern. */
const GLOB_SEGMENT = /[*?[\]{}()!]/;

/** The folder a `file` catalog location reads from: above any glob. */
function folderOfFileLocation(target: string): string {
  const absolute = resolvePath(process.cwd(), target);
  const segments = absolute.split(sep);
  const firstGlob = segments.findIndex(s => GLOB_SEGMENT.test(s));
  return firstGlob === -1
    ? dirname(absolute)
    : segments.slice(0, firstGlob).join(sep) || sep;
}

/**
 * The directories a template registered from a file may be read in,
 * absolute, each once: the folder of every `type: file` entry of the app's
 * own `catalog.locations` (resolved as the catalog does, against the
 * backend's working directory; for a glob, the folder above its first
 * pattern), then `goldenPaths.templates.directories`. The configuration is
 * trusted; entities are not, so an entity can never widen this list. The
 * root of the file system is never trusted: a catalog location there is
 * skipped, and an explicit entry there is refused.
 *
 * @public
 */
export function resolveTrustedTemplateDirectories(config: Config): string[] {
  const directories: string[] = [];
  const add = (directory: string) => {
    if (dirname(directory) !== directory && !directories.includes(directory)) {
      directories.push(directory);
    }
  };
  for (const location of config.getOptionalConfigArray('catalog.locations') ??
    []) {
    if (location.getOptionalString('type') === 'file') {
      add(folderOfFileLocation(location.getString('target')));
    }
  }
  const extra = config.getOptionalStringArray(TEMPLATE_DIRECTORIES_CONFIG_KEY);
  extra?.forEach((directory, index) => {
    const absolute = resolvePath(process.cwd(), directory);
    if (directory.trim() === '' || dirname(absolute) === absolute) {
      throw new Error(
        `${TEMPLATE_DIRECTORIES_CONFIG_KEY}[${index}] must name a directory of templates, not ${
          directory.trim() === '' ? 'an empty string' : 'the file system root'
        }`,
      );
    }
    add(absolute);
  });
  return directories;
}
