/*
 * One developer repository per case (v1 of the fixture template plus one
 * kind of developer edit) and the plan each expects; shared by the merge
 * tests and bench/upgradeMerge.ts.
 */
import type { UpgradeFileOutcome } from '@golden-paths/golden-paths-common';
import type { TreeFile } from '../types';
import {
  developerOnlyFiles,
  logo,
  renderTemplate,
  text,
} from './fixtureTemplate';

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
      f.set('k8s/svc.yaml', {
        ...f.get('deploy/service.yaml')!,
        path: 'k8s/svc.yaml',
      });
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
        content: Buffer.concat([
          logo(1).subarray(0, 100),
          Buffer.from([0, 0, 7]),
        ]),
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
      editLine(
        f,
        'package-lock.json',
        4 + 5 * 999 + 2,
        '      "version": "9.9.9-mine",',
      ),
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
