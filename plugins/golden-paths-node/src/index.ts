/**
 * Node library of Golden Paths: the checks extension point, the processor of
 * the GoldenPath kind, the scaffold record, template revisions and their
 * rendering, upgrades, and the URL reader of local repositories.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './catalog';
export * from './types';
export * from './lib';
export * from './localRepositories';
export * from './urlReader';
export * from './render';
export * from './scaffold';
export * from './upgrade';
export * from './componentUpgrade';
