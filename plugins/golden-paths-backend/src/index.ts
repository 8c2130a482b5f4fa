/**
 * The Golden Paths backend plugin: adoption, compliance, drift and history of
 * every golden path, evaluated on a schedule.
 *
 * @packageDocumentation
 */

export { goldenPathsPlugin as default } from './plugin';
