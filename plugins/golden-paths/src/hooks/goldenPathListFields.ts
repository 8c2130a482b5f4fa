/**
 * The fields of a path that lists of paths read from the catalog (the browse
 * page, the entity card's suggestions): everything but the steps, which are
 * Markdown and most of an entity's size.
 */
export const GOLDEN_PATH_LIST_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'spec.owner',
  'spec.lifecycle',
  'spec.category',
  'spec.version',
  'spec.replacedBy',
  'spec.templates',
  'spec.stack',
  'spec.guarantees',
];
