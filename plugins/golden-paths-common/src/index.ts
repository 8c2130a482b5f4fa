/**
 * The GoldenPath catalog kind and what is shared between the Golden Paths
 * frontend, backend, catalog module and CLI.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './guarantees';
export * from './entity';
export * from './entityRefs';
export * from './versions';
export * from './validation';
export * from './api';
export * from './permissions';
export * from './kubernetes';
