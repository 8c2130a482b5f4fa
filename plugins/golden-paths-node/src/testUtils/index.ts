/**
 * Test utilities of the Golden Paths node library, for the tests of
 * plugins and modules that build on it.
 *
 * @packageDocumentation
 */

export { catalogModuleGoldenPathKind } from './catalogModuleGoldenPathKind';
