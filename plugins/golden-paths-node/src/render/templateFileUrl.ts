import {
  ANNOTATION_LOCATION,
  type Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { pathToFileURL } from 'node:url';

/**
 * The URL of a registered template's own file: where the catalog read it
 * (`backstage.io/managed-by-location`, which the catalog sets itself),
 * never `backstage.io/source-location`, which the template's author may
 * write. Scaffolding and upgrades find revisions from it alike.
 *
 * @public
 */
export function templateFileUrl(template: Entity): string {
  const location = template.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!location) {
    throw new NotFoundError(
      `${stringifyEntityRef(
        template,
      )} has no ${ANNOTATION_LOCATION}, so its revisions cannot be found`,
    );
  }
  const { type, target } = parseLocationRef(location);
  if (type === 'file') {
    return pathToFileURL(target).toString();
  }
  if (type === 'url') {
    return target;
  }
  throw new NotFoundError(
    `${stringifyEntityRef(
      template,
    )} was registered from a ${type} location; its revisions cannot be read`,
  );
}
