/**
 * Test helpers shared by the Golden Paths packages' integration tests.
 *
 * @packageDocumentation
 */

export {};
