/*
 * A small template at two versions and one developer repository per case,
 * built in code; shared by the merge tests and bench/upgradeMerge.ts.
 */
import { createHash } from 'node:crypto';
import type { UpgradeFileOutcome } from '@golden-paths/golden-paths-common';
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

function text(lines: string[], eol = '\n'): Buffer {
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
    const integrity = createHash('sha512').update(`${name}@${v}`).digest('base64');
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

function logo(version: 1 | 2): Buffer {
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
        v2 ? 'A service on the fixture golden path, version two.' : 'A service on the fixture golden path.',
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
        v2 ? withLine(setupLines, 2, 'echo setup step two, revised') : setupLines,
        '\r\n',
      ),
    },
    {
      path: v2 ? 'docs/new-name.md' : 'docs/old-name.md',
      content: text(
        v2 ? withLine(docLines, 20, 'Documentation closing paragraph, v2') : docLines,
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
    { path: 'tools/dev.sh', content: text(['#!/bin/sh', 'echo dev']), executable: true },
    // In the folder v2 moves: it must stay where the developer put it.
    { path: 'deploy/my-ingress.yaml', content: text(['kind: Ingress']) },
  ];
}

/** One planned outcome the fixture expects. */
export interface ExpectedChange {
  outcome: UpgradeFileOutcome;
  flagged: boolean;
  previousPath?: string;
}

/** The plan of a repository the developer has not edited. */
export const untouchedPlan: Record<string, ExpectedChange> = {
  '.github/workflows/ci.yml': { outcome: 'added', flagged: false },
  'README.md': { outcome: 'taken', flagged: false },
  'assets/logo.png': { outcome: 'taken', flagged: false },
  'config/app.yaml': { outcome: 'taken', flagged: false },
  'docs/new-name.md': {
    outcome: 'renamed',
    flagged: false,
    previousPath: 'docs/old-name.md',
  },
  'k8s/deployment.yaml': {
    outcome: 'renamed',
    flagged: false,
    previousPath: 'deploy/deployment.yaml',
  },
  'k8s/service.yaml': {
    outcome: 'renamed',
    flagged: false,
    previousPath: 'deploy/service.yaml',
  },
  'legacy/removed.txt': { outcome: 'deleted', flagged: false },
  'package-lock.json': { outcome: 'taken', flagged: false },
  'scripts/build.sh': { outcome: 'taken', flagged: false },
  'scripts/check.sh': { outcome: 'taken', flagged: false },
  'src/index.js': { outcome: 'taken', flagged: false },
  'windows/setup.bat': { outcome: 'taken', flagged: false },
};

/** A developer repository: v1 plus the developer's own files and edits. */
export interface UpgradeFixtureCase {
  name: string;
  /** Edits `files` (path to file) in place. */
  edit(files: Map<string, TreeFile>): void;
  /** Changes to {@link untouchedPlan}; `null` means the path is not listed. */
  plan: Record<string, ExpectedChange | null>;
  /** Old path to new path of the files the developer renamed. */
  developerRenames?: Record<string, string>;
}

function editLine(
  files: Map<string, TreeFile>,
  path: string,
  lineNumber: number,
  value: string,
) {
  const file = files.get(path)!;
  const content = file.content.toString('utf8');
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  const lines = content.split(eol);
  lines[lineNumber - 1] = value;
  files.set(path, { ...file, content: Buffer.from(lines.join(eol)) });
}

/** Every fixture case, one developer edit each. */
export const upgradeFixtureCases: UpgradeFixtureCase[] = [
  { name: 'untouched', edit: () => {}, plan: {} },
  {
    name: 'same line',
    edit: f => editLine(f, 'src/index.js', 10, "const setting10 = 'mine';"),
    plan: { 'src/index.js': { outcome: 'conflict', flagged: true } },
  },
  {
    name: 'different lines',
    edit: f => editLine(f, 'src/index.js', 20, "const setting20 = 'mine';"),
    plan: { 'src/index.js': { outcome: 'merged', flagged: false } },
  },
  {
    // git's merge treats changes on touching lines as one conflict.
    name: 'adjacent lines',
    edit: f => editLine(f, 'src/index.js', 11, "const setting11 = 'mine';"),
    plan: { 'src/index.js': { outcome: 'conflict', flagged: true } },
  },
  {
    name: 'template rename, developer edit',
    edit: f => editLine(f, 'docs/old-name.md', 2, 'My own paragraph'),
    plan: {},
  },
  {
    name: 'template rename, same line edited',
    edit: f => editLine(f, 'docs/old-name.md', 20, 'My own closing paragraph'),
    plan: {
      'docs/new-name.md': {
        outcome: 'conflict',
        flagged: true,
        previousPath: 'docs/old-name.md',
      },
    },
  },
  {
    name: 'developer rename',
    edit: f => {
      f.set('src/main.js', { ...f.get('src/index.js')!, path: 'src/main.js' });
      f.delete('src/index.js');
    },
    developerRenames: { 'src/index.js': 'src/main.js' },
    plan: {
      'src/index.js': null,
      'src/main.js': { outcome: 'taken', flagged: false },
    },
  },
  {
    name: 'developer delete',
    edit: f => {
      f.delete('config/app.yaml');
      f.delete('LICENSE');
    },
    plan: {
      'config/app.yaml': { outcome: 'stays-deleted', flagged: true },
      LICENSE: { outcome: 'stays-deleted', flagged: false },
    },
  },
  {
    name: 'developer delete, template rename',
    edit: f => f.delete('docs/old-name.md'),
    plan: {
      'docs/new-name.md': null,
      'docs/old-name.md': { outcome: 'stays-deleted', flagged: true },
    },
  },
  {
    name: 'developer rename and edit',
    edit: f => {
      f.set('src/app.js', { ...f.get('src/index.js')!, path: 'src/app.js' });
      f.delete('src/index.js');
      editLine(f, 'src/app.js', 20, "const setting20 = 'mine';");
    },
    developerRenames: { 'src/index.js': 'src/app.js' },
    plan: {
      'src/index.js': null,
      'src/app.js': { outcome: 'merged', flagged: false },
    },
  },
  {
    name: 'renamed differently on both sides',
    edit: f => {
      f.set('k8s/svc.yaml', { ...f.get('deploy/service.yaml')!, path: 'k8s/svc.yaml' });
      f.delete('deploy/service.yaml');
      editLine(f, 'k8s/svc.yaml', 3, 'my service field');
    },
    developerRenames: { 'deploy/service.yaml': 'k8s/svc.yaml' },
    plan: {
      'k8s/service.yaml': null,
      'k8s/svc.yaml': { outcome: 'conflict', flagged: true },
    },
  },
  {
    name: 'template delete, developer edit',
    edit: f => editLine(f, 'legacy/removed.txt', 3, 'My legacy line'),
    plan: { 'legacy/removed.txt': { outcome: 'kept-modified', flagged: true } },
  },
  {
    name: 'added on both sides',
    edit: f =>
      f.set('.github/workflows/ci.yml', {
        path: '.github/workflows/ci.yml',
        content: text(['name: my ci', 'on: [pull_request]', 'jobs: {}']),
      }),
    plan: {
      '.github/workflows/ci.yml': { outcome: 'added-conflict', flagged: true },
    },
  },
  {
    name: 'added on both sides, same content',
    edit: f =>
      f.set('.github/workflows/ci.yml', {
        path: '.github/workflows/ci.yml',
        content: text(['name: ci', 'on: [push]', 'jobs: {}']),
      }),
    plan: { '.github/workflows/ci.yml': null },
  },
  {
    name: 'binary changed on both sides',
    edit: f =>
      f.set('assets/logo.png', {
        path: 'assets/logo.png',
        content: Buffer.concat([logo(1).subarray(0, 100), Buffer.from([0, 0, 7])]),
      }),
    plan: { 'assets/logo.png': { outcome: 'binary-kept', flagged: true } },
  },
  {
    name: 'CRLF',
    edit: f => editLine(f, 'windows/setup.bat', 8, 'echo my own step'),
    plan: { 'windows/setup.bat': { outcome: 'merged', flagged: false } },
  },
  {
    name: 'executable bit',
    edit: f => editLine(f, 'scripts/check.sh', 3, 'npm test -- --coverage'),
    plan: { 'scripts/check.sh': { outcome: 'merged', flagged: false } },
  },
  {
    name: '20,000-line lockfile',
    edit: f =>
      // Package 1000's version line: 4 header lines, 5 lines a package.
      editLine(f, 'package-lock.json', 4 + 5 * 999 + 2, '      "version": "9.9.9-mine",'),
    plan: { 'package-lock.json': { outcome: 'merged', flagged: false } },
  },
];

/** The developer's repository files for a case: v1, their own files, their edits. */
export function repositoryFiles(fixtureCase: UpgradeFixtureCase): TreeFile[] {
  const files = new Map(
    [...renderTemplate(1), ...developerOnlyFiles()].map(f => [f.path, f]),
  );
  fixtureCase.edit(files);
  return [...files.values()];
}

/** The plan a case expects: {@link untouchedPlan} with the case's changes. */
export function expectedPlan(
  fixtureCase: UpgradeFixtureCase,
): Record<string, ExpectedChange> {
  const plan: Record<string, ExpectedChange> = { ...untouchedPlan };
  for (const [path, change] of Object.entries(fixtureCase.plan)) {
    if (change) plan[path] = change;
    else delete plan[path];
  }
  return plan;
}
