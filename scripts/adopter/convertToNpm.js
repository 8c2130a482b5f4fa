/*
 * Converts an app rendered from create-app's template to npm workspaces, the
 * same way this repository's own app was converted (see the README, "For
 * Backstage adopters"): create-app writes a Yarn project, and the adopter
 * test must run on a machine that has only Node and npm. Nothing else in
 * the app is changed: versions stay exactly as create-app wrote them.
 */
const fs = require('node:fs');
const path = require('node:path');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** `yarn workspace backend build` becomes `npm run build --workspace backend`. */
function npmScript(command) {
  return command.replace(
    /\byarn workspace (\S+) (?:run )?(\S+)/g,
    'npm run $2 --workspace $1',
  );
}

function convertRoot(appDir) {
  const file = path.join(appDir, 'package.json');
  const pkg = readJson(file);
  if (pkg.resolutions) {
    pkg.overrides = { ...pkg.resolutions, ...pkg.overrides };
    delete pkg.resolutions;
  }
  delete pkg.packageManager;
  for (const [name, command] of Object.entries(pkg.scripts ?? {})) {
    pkg.scripts[name] = npmScript(command);
  }
  writeJson(file, pkg);
}

/** Yarn-only protocols (`link:`, `workspace:`) become the workspace's version. */
function convertWorkspaces(appDir) {
  const versions = new Map();
  const manifests = [];
  for (const parent of ['packages', 'plugins']) {
    const dir = path.join(appDir, parent);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = readJson(file);
      versions.set(pkg.name, pkg.version);
      manifests.push({ file, pkg });
    }
  }
  for (const { file, pkg } of manifests) {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
        if (/^(link|workspace):/.test(range)) {
          if (!versions.has(dep)) {
            throw new Error(`${file}: ${dep}@${range} is not a workspace`);
          }
          pkg[field][dep] = versions.get(dep);
        }
      }
    }
    for (const [name, command] of Object.entries(pkg.scripts ?? {})) {
      pkg.scripts[name] = npmScript(command);
    }
    writeJson(file, pkg);
  }
}

/**
 * @param {string} appDir the rendered app
 */
function convertToNpm(appDir) {
  convertRoot(appDir);
  convertWorkspaces(appDir);
  for (const yarnFile of ['.yarn', '.yarnrc.yml', 'yarn.lock']) {
    fs.rmSync(path.join(appDir, yarnFile), { recursive: true, force: true });
  }
  // Material UI v4's React peer range predates React 18.
  fs.writeFileSync(path.join(appDir, '.npmrc'), 'legacy-peer-deps=true\n');
}

module.exports = { convertToNpm };
