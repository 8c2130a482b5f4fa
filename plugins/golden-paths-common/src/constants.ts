/**
 * The apiVersion of the first version of the GoldenPath kind.
 *
 * @public
 */
export const GOLDEN_PATH_API_VERSION = 'golden-paths.dev/v1alpha1';

/**
 * The kind name of golden path entities.
 *
 * @public
 */
export const GOLDEN_PATH_KIND = 'GoldenPath';

/**
 * {@link GOLDEN_PATH_KIND} in lower case, as the catalog spells the kind in
 * entity refs (`goldenpath:default/node-http-service`) and as messages about
 * refs name it.
 *
 * @public
 */
export const GOLDEN_PATH_KIND_LOWER =
  GOLDEN_PATH_KIND.toLowerCase() as Lowercase<typeof GOLDEN_PATH_KIND>;

/**
 * Annotation on a Component naming the golden path it follows, as an entity
 * reference such as `goldenpath:default/node-http-service`.
 *
 * @public
 */
export const ANNOTATION_GOLDEN_PATH = 'golden-paths.dev/path';

/**
 * Annotation on a Component with the path's `spec.version` the component was
 * scaffolded at or last upgraded to.
 *
 * @public
 */
export const ANNOTATION_GOLDEN_PATH_VERSION = 'golden-paths.dev/path-version';

/**
 * The annotation Backstage's scaffolder writes with the template a component
 * was created from.
 *
 * @public
 */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';

/**
 * A component follows a golden path. Reverse of
 * {@link RELATION_GOLDEN_PATH_FOLLOWED_BY}.
 *
 * @public
 */
export const RELATION_FOLLOWS_GOLDEN_PATH = 'followsGoldenPath';

/**
 * A golden path is followed by a component. Reverse of
 * {@link RELATION_FOLLOWS_GOLDEN_PATH}.
 *
 * @public
 */
export const RELATION_GOLDEN_PATH_FOLLOWED_BY = 'goldenPathFollowedBy';

/**
 * A golden path is scaffolded by a template. Reverse of
 * {@link RELATION_TEMPLATE_OF_GOLDEN_PATH}.
 *
 * @public
 */
export const RELATION_GOLDEN_PATH_TEMPLATE = 'goldenPathTemplate';

/**
 * A template scaffolds a golden path. Reverse of
 * {@link RELATION_GOLDEN_PATH_TEMPLATE}.
 *
 * @public
 */
export const RELATION_TEMPLATE_OF_GOLDEN_PATH = 'templateOfGoldenPath';

/**
 * A deprecated golden path is replaced by another. Reverse of
 * {@link RELATION_REPLACES_GOLDEN_PATH}.
 *
 * @public
 */
export const RELATION_REPLACED_BY_GOLDEN_PATH = 'replacedByGoldenPath';

/**
 * A golden path replaces a deprecated one. Reverse of
 * {@link RELATION_REPLACED_BY_GOLDEN_PATH}.
 *
 * @public
 */
export const RELATION_REPLACES_GOLDEN_PATH = 'replacesGoldenPath';

/**
 * Every relation the Golden Paths catalog module emits, as pairs of a relation
 * and its reverse (the first one reads from the path's side). Useful to teach
 * the catalog graph about them.
 *
 * @public
 */
export const GOLDEN_PATH_RELATION_PAIRS: ReadonlyArray<
  readonly [string, string]
> = [
  [RELATION_GOLDEN_PATH_FOLLOWED_BY, RELATION_FOLLOWS_GOLDEN_PATH],
  [RELATION_GOLDEN_PATH_TEMPLATE, RELATION_TEMPLATE_OF_GOLDEN_PATH],
  [RELATION_REPLACED_BY_GOLDEN_PATH, RELATION_REPLACES_GOLDEN_PATH],
];
