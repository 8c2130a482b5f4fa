/*
 * Sizes and times as the measurement's log and RESULTS.md print them.
 */
'use strict';

/** @param {number} bytes */
function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** @param {number | undefined} ms */
function ms(ms) {
  return ms === undefined || Number.isNaN(ms) ? 'n/a' : `${Math.round(ms)} ms`;
}

module.exports = { kb, ms };
