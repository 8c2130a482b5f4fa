/*
 * What `npm run measure:frontend` measures and against what: the targets,
 * and the options it reads from the environment (see measure.js).
 */
'use strict';

/** The plugin's initial cost must stay under this many KB gzipped. */
const BUNDLE_TARGET_KB = 100;
/** FCP and "list ready" of /golden-paths must stay under this many ms. */
const RENDER_TARGET_MS = 1000;
/** Cards the Golden Paths page renders before "Show more" (GoldenPathGrid). */
const FIRST_PAGE = 48;

/**
 * The environment's options, with their defaults.
 *
 * @param {NodeJS.ProcessEnv} [env]
 */
function readOptions(env = process.env) {
  const skipBuild = env.MEASURE_SKIP_BUILD === '1';
  return {
    skipBuild,
    skipBaseline: skipBuild || env.MEASURE_SKIP_BASELINE === '1',
    keepDist: env.MEASURE_KEEP_DIST === '1',
    port: Number(env.MEASURE_PORT ?? 7007),
    count: Number(env.MEASURE_PATHS ?? 500),
    runs: Number(env.MEASURE_RUNS ?? 5),
  };
}

module.exports = {
  BUNDLE_TARGET_KB,
  FIRST_PAGE,
  RENDER_TARGET_MS,
  readOptions,
};
