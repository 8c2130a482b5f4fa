/*
 * Packs every publishable package of the repository (each workspace whose
 * package.json is not private) with `npm pack`, as npm would publish it: the
 * package's prepack refuses an unbuilt package, then `backstage-cli package
 * prepack` points the manifest at dist and compiles config.d.ts into
 * config.schema.json. One package at a time, because prepack rewrites the
 * package's package.json in place until postpack restores it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '../..');
const DEFAULT_DESTINATION = path.join(ROOT, 'dist-packages');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Orders packages so that each comes after the packages it depends on. */
function dependenciesFirst(packages) {
  const byName = new Map(packages.map(entry => [entry.pkg.name, entry]));
  const ordered = [];
  const seen = new Set();
  const visit = entry => {
    if (seen.has(entry.pkg.name)) {
      return;
    }
    seen.add(entry.pkg.name);
    for (const name of Object.keys(entry.pkg.dependencies ?? {}).sort()) {
      if (byName.has(name)) {
        visit(byName.get(name));
      }
    }
    ordered.push(entry);
  };
  packages.forEach(visit);
  return ordered;
}

/**
 * The workspaces that are not private, as `{ name, version, dir }`, each
 * after the workspaces it depends on (only `folder/*` workspace globs).
 */
function listPublishablePackages(root = ROOT) {
  const { workspaces = [] } = readJson(path.join(root, 'package.json'));
  const dirs = workspaces.flatMap(pattern => {
    if (!pattern.endsWith('/*')) {
      return [path.join(root, pattern)];
    }
    const parent = path.join(root, pattern.slice(0, -2));
    return fs
      .readdirSync(parent, { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => path.join(parent, entry.name))
      .sort();
  });
  const publishable = dirs
    .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
    .map(dir => ({ dir, pkg: readJson(path.join(dir, 'package.json')) }))
    .filter(({ pkg }) => !pkg.private);
  return dependenciesFirst(publishable).map(({ dir, pkg }) => ({
    name: pkg.name,
    version: pkg.version,
    dir,
  }));
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

/**
 * `npm pack --json` prints the report as the last thing on stdout; lifecycle
 * scripts may have written lines before it.
 */
function parsePackReport(stdout) {
  const start = stdout.search(/^\[\s*$/m);
  if (start < 0) {
    throw new Error(`npm pack printed no JSON report:\n${stdout}`);
  }
  return JSON.parse(stdout.slice(start));
}

/** Packs one package into `destination`. */
async function packPackage(target, destination) {
  const { code, stdout, stderr } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', destination],
    target.dir,
  );
  if (code !== 0) {
    // npm's own log lines say little; the prepack scripts say what is wrong.
    const reason = stderr
      .split('\n')
      .filter(line => line.trim() && !line.startsWith('npm '))
      .join('\n');
    throw new Error(
      `Packing ${target.name} (${path.relative(ROOT, target.dir)}) failed:\n${
        reason || stderr
      }`,
    );
  }
  const [report] = parsePackReport(stdout);
  // Named without scope and version (golden-paths-backend.tgz): the README's
  // install commands name these files, and must not change with each release.
  const tarball = path.join(destination, `${report.name.split('/').pop()}.tgz`);
  fs.renameSync(path.join(destination, report.filename), tarball);
  return {
    name: report.name,
    version: report.version,
    dir: target.dir,
    tarball,
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files.map(file => file.path).sort(),
  };
}

/**
 * Packs every publishable package into `destination` (default
 * `dist-packages/` at the repository root, created if missing) and resolves
 * to one entry per package: `{ name, version, dir, tarball (absolute path),
 * size (bytes, compressed), unpackedSize (bytes), files (paths in the
 * tarball) }`. Rejects at the first package that cannot be packed, such as
 * one that is not built (`npm run build:packages` builds them all).
 */
async function packPackages({ destination = DEFAULT_DESTINATION } = {}) {
  const target = path.resolve(destination);
  fs.mkdirSync(target, { recursive: true });
  const results = [];
  for (const pkg of listPublishablePackages()) {
    results.push(await packPackage(pkg, target));
  }
  return results;
}

module.exports = {
  DEFAULT_DESTINATION,
  listPublishablePackages,
  packPackages,
};
