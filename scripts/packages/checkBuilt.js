#!/usr/bin/env node
/*
 * Run by each publishable package's `prepack`, in the package's folder,
 * before `backstage-cli package prepack`. npm packs whatever is there: without
 * a build it silently makes a tarball with a README and a package.json whose
 * entry points lead nowhere. This refuses instead, naming the package, the
 * missing files and the command that builds them.
 */
const fs = require('node:fs');
const path = require('node:path');
const { expectedBuildFiles } = require('./buildOutputs');

const dir = process.cwd();
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const missing = expectedBuildFiles(pkg).filter(
  file => !fs.existsSync(path.join(dir, file)),
);

if (missing.length > 0) {
  process.stderr.write(
    [
      `${pkg.name} is not built, so it cannot be packed: missing ${missing.join(
        ', ',
      )}.`,
      'Run `npm run build:packages` at the repository root, then pack again.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
