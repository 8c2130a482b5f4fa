import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  type Entity,
  parseLocationRef,
} from '@backstage/catalog-model';

/**
 * The URL of an entity's repository, for the URL reader: its
 * `backstage.io/source-location`, or the directory of the file it was
 * registered from (`backstage.io/managed-by-location`), which is where
 * locally scaffolded and example repositories keep their catalog-info.yaml.
 *
 * @public
 */
export function repositoryLocation(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[ANNOTATION_SOURCE_LOCATION];
  if (source) {
    return urlOf(source, false);
  }
  const managedBy = annotations[ANNOTATION_LOCATION];
  return managedBy ? urlOf(managedBy, true) : undefined;
}

function urlOf(locationRef: string, isFile: boolean): string | undefined {
  try {
    const { type, target } = parseLocationRef(locationRef);
    if (type === 'url') {
      const url = new URL(target);
      return isFile ? new URL('./', url).toString() : url.toString();
    }
    if (type === 'file') {
      const directory = isFile ? dirname(target) : target;
      return `${pathToFileURL(directory).toString().replace(/\/$/, '')}/`;
    }
  } catch {
    // Not a location ref we can read; the checks say so.
  }
  return undefined;
}
