/*
 * The fixture template at versions 1 and 2, built in code; shared by the
 * merge tests and bench/upgradeMerge.ts.
 */
import { createHash } from 'node:crypto';
import type { TreeFile } from '../types';

/** Labels the fixture merges write on conflict markers. */
export const fixtureLabels = {
  repository: 'your repository',
  base: 'fixture-service 1.0.0',
  template: 'fixture-service 2.0.0',
};

/** Left out of every fixture merge, as the caller rewrites it. */
export const fixtureExclude = ['.golden-paths/scaffold.yaml'];

/** Old path to new path: what v2 renames. */
export const templateRenames: Record<string, string> = {
  'docs/old-name.md': 'docs/new-name.md',
  'deploy/service.yaml': 'k8s/service.yaml',
  'deploy/deployment.yaml': 'k8s/deployment.yaml',
};

const LOCKFILE_PACKAGES = 4000;
/** Packages whose version v2 bumps in the lockfile. */
const LOCKFILE_BUMPS = [200, 2000, 3800];

/** Lines as file content, each ended by `eol`. */
export function text(lines: string[], eol = '\n'): Buffer {
  return Buffer.from(lines.map(l => `${l}${eol}`).join(''));
}

function numbered(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);
}

function lockfile(version: 1 | 2): Buffer {
  const lines = [
    '{',
    '  "name": "fixture-service",',
    '  "lockfileVersion": 3,',
    '  "packages": {',
  ];
  for (let i = 1; i <= LOCKFILE_PACKAGES; i++) {
    const bumped = version === 2 && LOCKFILE_BUMPS.includes(i);
    const v = `1.${i % 50}.${i}${bumped ? '-2' : ''}`;
    const name = `pkg-${String(i).padStart(5, '0')}`;
    const integrity = createHash('sha512')
      .update(`${name}@${v}`)
      .digest('base64');
    lines.push(
      `    "node_modules/${name}": {`,
      `      "version": "${v}",`,
      `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-${v}.tgz",`,
      `      "integrity": "sha512-${integrity}"`,
      i === LOCKFILE_PACKAGES ? '    }' : '    },',
    );
  }
  lines.push('  }', '}');
  return text(lines);
}

/** The template's binary file at a version. */
export function logo(version: 1 | 2): Buffer {
  const bytes = Buffer.alloc(512);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * (version + 6)) % 256;
  return bytes;
}

function withLine(lines: string[], lineNumber: number, value: string) {
  const copy = [...lines];
  copy[lineNumber - 1] = value;
  return copy;
}

const indexLines = numbered('const setting =', 40).map(
  (_, i) => `const setting${String(i + 1).padStart(2, '0')} = ${i + 1};`,
);
const docLines = numbered('Documentation paragraph', 20);
const setupLines = numbered('echo setup step', 10);

/**
 * The fixture template rendered at version 1 or 2.
 *
 * @remarks
 * v2 changes README, src/index.js (lines 10 and 30), config/app.yaml,
 * the binary logo, scripts/build.sh (stays executable), setup.bat (CRLF),
 * makes scripts/check.sh executable, renames docs/old-name.md (and changes
 * its last line), moves the deploy/ folder to k8s/, deletes
 * legacy/removed.txt, adds
 * .github/workflows/ci.yml and bumps three packages of the 20,000-line
 * lockfile.
 */
export function renderTemplate(version: 1 | 2): TreeFile[] {
  const v2 = version === 2;
  const files: TreeFile[] = [
    {
      path: '.golden-paths/scaffold.yaml',
      content: text([`version: ${version}.0.0`]),
    },
    {
      path: 'README.md',
      content: text([
        '# fixture-service',
        v2
          ? 'A service on the fixture golden path, version two.'
          : 'A service on the fixture golden path.',
        ...numbered('README line', 10),
      ]),
    },
    {
      path: 'src/index.js',
      content: text(
        v2
          ? withLine(
              withLine(indexLines, 10, 'const setting10 = 100;'),
              30,
              'const setting30 = 300;',
            )
          : indexLines,
      ),
    },
    {
      path: 'config/app.yaml',
      content: text(
        withLine(numbered('key', 10), 3, v2 ? 'timeout: 30s' : 'timeout: 10s'),
      ),
    },
    { path: 'assets/logo.png', content: logo(version) },
    {
      path: 'scripts/build.sh',
      content: text([
        '#!/bin/sh',
        'set -eu',
        v2 ? 'npm run build -- --production' : 'npm run build',
      ]),
      executable: true,
    },
    {
      path: 'scripts/check.sh',
      content: text(['#!/bin/sh', 'set -eu', 'npm test', 'npm run lint']),
      executable: v2,
    },
    {
      path: 'windows/setup.bat',
      content: text(
        v2
          ? withLine(setupLines, 2, 'echo setup step two, revised')
          : setupLines,
        '\r\n',
      ),
    },
    {
      path: v2 ? 'docs/new-name.md' : 'docs/old-name.md',
      content: text(
        v2
          ? withLine(docLines, 20, 'Documentation closing paragraph, v2')
          : docLines,
      ),
    },
    { path: 'LICENSE', content: text(numbered('License line', 5)) },
    {
      path: `${v2 ? 'k8s' : 'deploy'}/service.yaml`,
      content: text(['kind: Service', ...numbered('service field', 6)]),
    },
    {
      path: `${v2 ? 'k8s' : 'deploy'}/deployment.yaml`,
      content: text(['kind: Deployment', ...numbered('deployment field', 6)]),
    },
    { path: 'package-lock.json', content: lockfile(version) },
  ];
  if (!v2) {
    files.push({
      path: 'legacy/removed.txt',
      content: text(numbered('Legacy line', 5)),
    });
  } else {
    files.push({
      path: '.github/workflows/ci.yml',
      content: text(['name: ci', 'on: [push]', 'jobs: {}']),
    });
  }
  return files;
}

/** Files only the developer added, present in every fixture repository. */
export function developerOnlyFiles(): TreeFile[] {
  return [
    { path: 'notes/mine.txt', content: text(['my own notes']) },
    { path: 'notes/diagram.bin', content: Buffer.from([0, 1, 2, 0, 255]) },
    {
      path: 'tools/dev.sh',
      content: text(['#!/bin/sh', 'echo dev']),
      executable: true,
    },
    // In the folder v2 moves: it must stay where the developer put it.
    { path: 'deploy/my-ingress.yaml', content: text(['kind: Ingress']) },
  ];
}
