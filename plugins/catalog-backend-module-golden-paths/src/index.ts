/**
 * Catalog backend module that validates `GoldenPath` entities and emits
 * their relations, with the processor of `@golden-paths/golden-paths-node`.
 *
 * @packageDocumentation
 */

export { catalogModuleGoldenPaths as default } from './module';
export { GoldenPathEntitiesProcessor } from './deprecated';
