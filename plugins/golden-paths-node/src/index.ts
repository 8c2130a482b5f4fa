/**
 * Extension points of the Golden Paths backend.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './types';
