/**
 * Catalog backend module that validates `GoldenPath` entities and emits
 * their relations.
 *
 * @packageDocumentation
 */

export { catalogModuleGoldenPaths as default } from './module';
export { GoldenPathEntitiesProcessor } from './processor/GoldenPathEntitiesProcessor';
