/*
 * A new app from the published `@backstage/create-app` template (the
 * version pinned in this repository's lockfile), rendered exactly as
 * `npx @backstage/create-app` renders it. The command itself cannot run
 * here: it refuses to start without Yarn and on Node 20, so its own
 * templating task is called with the answers it would have asked for.
 */
const path = require('node:path');

/**
 * @param {string} appDir an empty or missing directory
 * @param {string} name the app's name, as create-app would ask for it
 * @returns {Promise<string>} the create-app version used
 */
async function renderApp(appDir, name) {
  const createAppDir = path.dirname(
    require.resolve('@backstage/create-app/package.json'),
  );
  const { version } = require(path.join(createAppDir, 'package.json'));
  // Internal module of create-app: the same function its command calls.
  const { templatingTask } = require(path.join(
    createAppDir,
    'dist/lib/tasks.cjs.js',
  ));
  await templatingTask(
    path.join(createAppDir, 'templates/default-app'),
    appDir,
    {
      name,
      defaultBranch: 'main',
    },
  );
  return version;
}

module.exports = { renderApp };
