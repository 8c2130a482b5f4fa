#!/usr/bin/env node
/*
 * `npm run pack:packages [-- --destination <dir>] [-- --list]`: packs every
 * publishable package into <dir> (default dist-packages/) and prints, per
 * package, its name, version, tarball size, unpacked size and file count;
 * with --list, every file in the tarball too. Build first with
 * `npm run build:packages`.
 */
const path = require('node:path');
const { DEFAULT_DESTINATION, packPackages } = require('./packPackages');

const USAGE =
  'Usage: node scripts/packages/pack.js [--destination <dir>] [--list]';

function parseArgs(argv) {
  const options = { destination: DEFAULT_DESTINATION, list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--list') {
      options.list = true;
    } else if (arg === '--destination') {
      if (!argv[i + 1]) {
        throw new Error(`--destination needs a folder\n${USAGE}`);
      }
      options.destination = argv[++i];
    } else if (arg.startsWith('--destination=')) {
      options.destination = arg.slice('--destination='.length);
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else {
      throw new Error(`Unknown argument ${arg}\n${USAGE}`);
    }
  }
  return options;
}

function kilobytes(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function table(rows) {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => row[column].length)),
  );
  return rows
    .map(row =>
      row
        .map((cell, column) =>
          // Text columns left, figures right.
          column === 0
            ? cell.padEnd(widths[column])
            : cell.padStart(widths[column]),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const results = await packPackages({ destination: options.destination });
  const rows = [
    ['package', 'version', 'tarball', 'unpacked', 'files'],
    ...results.map(result => [
      result.name,
      result.version,
      kilobytes(result.size),
      kilobytes(result.unpackedSize),
      String(result.files.length),
    ]),
  ];
  process.stdout.write(`${table(rows)}\n`);
  if (options.list) {
    for (const result of results) {
      process.stdout.write(`\n${result.name}@${result.version}\n`);
      for (const file of result.files) {
        process.stdout.write(`  ${file}\n`);
      }
    }
  }
  process.stdout.write(
    `\n${results.length} tarballs in ${path.resolve(options.destination)}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
