/**
 * The Golden Paths frontend plugin for Backstage's new frontend system, as
 * the default export: install it with `app.features` or feature discovery.
 *
 * @packageDocumentation
 */

export { default } from './plugin';
