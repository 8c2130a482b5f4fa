import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

/** An entity's title, else its ref as the catalog shows it, else the ref as given. */
export function entityDisplayName(entity: {
  entityRef: string;
  title?: string;
}): string {
  if (entity.title) {
    return entity.title;
  }
  try {
    return humanizeEntityRef(parseEntityRef(entity.entityRef));
  } catch {
    return entity.entityRef;
  }
}
