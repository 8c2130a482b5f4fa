/**
 * Node library of Golden Paths: the checks extension point, the scaffold
 * record, template revisions and their rendering, and upgrades.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './types';
export * from './lib';
export * from './localRepositories';
export * from './render';
export * from './scaffold';
export * from './upgrade';
export * from './componentUpgrade';
