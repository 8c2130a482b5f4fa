/*
 * What `backstage-cli package build` writes for a package, so that packing can
 * tell a built package from an unbuilt one: one file per entry point (`.`, and
 * `./alpha` where the package exports it) and per output of the package's
 * role (types, CommonJS, ES module), plus the other paths its `files` field
 * ships (migrations, config.d.ts, schemas).
 */
const path = require('node:path');
const { PackageRoles } = require('@backstage/cli-node');

const SCRIPT_EXTENSIONS = ['.js', '.jsx', '.ts', '.tsx'];
const OUTPUT_EXTENSIONS = {
  types: '.d.ts',
  cjs: '.cjs.js',
  esm: '.esm.js',
};

/** Entry point names as the Backstage build names their output files. */
function entryPointNames(pkg) {
  if (!pkg.exports || typeof pkg.exports !== 'object') {
    return ['index'];
  }
  return Object.entries(pkg.exports)
    .filter(
      ([, target]) =>
        typeof target === 'string' &&
        SCRIPT_EXTENSIONS.includes(path.extname(target)),
    )
    .map(([mount]) => (mount === '.' ? 'index' : mount.replace(/^\.\//, '')));
}

/** Paths, relative to the package, that a built package has. */
function expectedBuildFiles(pkg) {
  const role = PackageRoles.getRoleFromPackage(pkg);
  if (!role) {
    throw new Error(`${pkg.name} has no backstage.role in its package.json`);
  }
  const extensions = PackageRoles.getRoleInfo(role)
    .output.map(output => OUTPUT_EXTENSIONS[output])
    .filter(Boolean);
  const built = entryPointNames(pkg).flatMap(name =>
    extensions.map(extension => `dist/${name}${extension}`),
  );
  // `files` entries other than dist name files kept in the repository; a
  // missing one would be left out of the tarball without a word.
  const shipped = (pkg.files ?? []).filter(
    file => file !== 'dist' && !/[*?{]/.test(file),
  );
  return [...built, ...shipped];
}

module.exports = { expectedBuildFiles };
