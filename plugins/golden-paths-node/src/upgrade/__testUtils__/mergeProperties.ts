import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  fixtureGit,
  fixtureGitBuffer,
} from '../__fixtures__/fixtureRepository';
import {
  fixtureExclude,
  fixtureLabels,
  templateRenames,
} from '../__fixtures__/fixtureTemplate';
import type { UpgradeFixtureCase } from '../__fixtures__/upgradeFixtures';
import type { TreeFile } from '../types';

/** A file of a tree read back from git. */
export interface StoredFile {
  mode: string;
  content: Buffer;
}

/** Reads every file of a tree (or commit) of `gitDir`. */
export function readStoredTree(
  gitDir: string,
  treeish: string,
): Map<string, StoredFile> {
  const listing = fixtureGit(gitDir, [
    `--git-dir=${gitDir}`,
    'ls-tree',
    '-r',
    '-z',
    treeish,
  ])
    .split('\0')
    .filter(Boolean)
    .map(record => {
      const tab = record.indexOf('\t');
      const [mode, , oid] = record.slice(0, tab).split(' ');
      return { path: record.slice(tab + 1), mode, oid };
    });
  const output = fixtureGitBuffer(
    gitDir,
    [`--git-dir=${gitDir}`, 'cat-file', '--batch'],
    listing.map(entry => `${entry.oid}\n`).join(''),
  );
  const files = new Map<string, StoredFile>();
  let offset = 0;
  for (const { path, mode } of listing) {
    const newline = output.indexOf(0x0a, offset);
    const size = Number(
      output.subarray(offset, newline).toString().split(' ')[2],
    );
    files.set(path, {
      mode,
      content: output.subarray(newline + 1, newline + 1 + size),
    });
    offset = newline + 1 + size + 1;
  }
  return files;
}

function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

// Lines are split on LF only, so a CRLF line keeps its CR and must come
// back with it.
function lines(content?: Buffer): string[] {
  if (!content) return [];
  const all = content.toString('utf8').split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** Lines of `after` that `before` does not have: the hunks of an edit. */
export function linesOnlyIn(after: Buffer, before?: Buffer): string[] {
  const old = new Set(lines(before));
  return lines(after).filter(line => !old.has(line));
}

const modeOf = (file: TreeFile) => (file.executable ? '100755' : '100644');
const excluded = (path: string) => fixtureExclude.includes(path);

/** What a merge's properties are checked against. */
export interface MergeSubject {
  fixtureCase: UpgradeFixtureCase;
  base: TreeFile[];
  template: TreeFile[];
  repository: TreeFile[];
}

function byPath(files: TreeFile[]) {
  return new Map(files.map(f => [f.path, f]));
}

/**
 * The properties every merge result must have, whatever the case: files
 * only the developer added survive byte for byte; every line the developer
 * changed is in the result (merged or inside conflict markers) and so is
 * every line the template changed, except where the developer deleted the
 * file or both changed a binary file; files the developer deleted stay
 * deleted; conflict markers carry the labels.
 */
export function expectMergeProperties(
  subject: MergeSubject,
  result: Map<string, StoredFile>,
) {
  const base = byPath(subject.base);
  const template = byPath(subject.template);
  const repository = byPath(subject.repository);
  const developerRenames = subject.fixtureCase.developerRenames ?? {};
  const renamedTo = new Set(Object.values(developerRenames));
  const templateSource = new Map(
    Object.entries(templateRenames).map(([from, to]) => [to, from]),
  );
  const problems: string[] = [];
  const expectLines = (path: string, wanted: string[], why: string) => {
    const have = new Set(lines(result.get(path)?.content));
    for (const line of wanted) {
      if (!have.has(line)) {
        problems.push(
          `${path}: ${why} line ${JSON.stringify(line)} is missing`,
        );
      }
    }
  };

  // Files only the developer added.
  for (const file of subject.repository) {
    if (base.has(file.path) || template.has(file.path)) continue;
    if (renamedTo.has(file.path) || excluded(file.path)) continue;
    const stored = result.get(file.path);
    if (!stored || !stored.content.equals(file.content)) {
      problems.push(`${file.path}: developer-only file changed or lost`);
    } else if (stored.mode !== modeOf(file)) {
      problems.push(`${file.path}: developer-only file's mode changed`);
    }
  }

  // The developer's hunks, following either side's renames.
  for (const baseFile of subject.base) {
    if (excluded(baseFile.path)) continue;
    const ownPath = developerRenames[baseFile.path] ?? baseFile.path;
    const own = repository.get(ownPath);
    const templatePath = templateRenames[baseFile.path];
    const resultPath =
      templatePath && ownPath === baseFile.path ? templatePath : ownPath;
    if (!own) {
      for (const path of [baseFile.path, templatePath]) {
        if (path && result.has(path)) {
          problems.push(`${path}: deleted by the developer but back`);
        }
      }
      continue;
    }
    if (own.content.equals(baseFile.content)) continue;
    if (isBinary(own.content) || isBinary(baseFile.content)) {
      if (!result.get(resultPath)?.content.equals(own.content)) {
        problems.push(`${resultPath}: the developer's binary is not kept`);
      }
      continue;
    }
    expectLines(
      resultPath,
      linesOnlyIn(own.content, baseFile.content),
      "developer's",
    );
  }
  // Added by both sides.
  for (const own of subject.repository) {
    if (!base.has(own.path) && template.has(own.path) && !excluded(own.path)) {
      expectLines(own.path, linesOnlyIn(own.content), "developer's");
    }
  }

  // The template's hunks and mode changes.
  for (const templateFile of subject.template) {
    if (excluded(templateFile.path)) continue;
    const basePath =
      templateSource.get(templateFile.path) ??
      (base.has(templateFile.path) ? templateFile.path : undefined);
    const baseFile = basePath ? base.get(basePath) : undefined;
    const ownPath = basePath
      ? developerRenames[basePath] ?? basePath
      : templateFile.path;
    const own = repository.get(ownPath);
    if (basePath && !own) continue; // deleted by the developer
    const resultPath =
      basePath && ownPath === basePath ? templateFile.path : ownPath;
    const ownChanged =
      own && !(baseFile && own.content.equals(baseFile.content));
    if (isBinary(templateFile.content)) {
      if (
        !ownChanged &&
        !result.get(resultPath)?.content.equals(templateFile.content)
      ) {
        problems.push(`${resultPath}: the template's binary is not taken`);
      }
      continue;
    }
    expectLines(
      resultPath,
      linesOnlyIn(templateFile.content, baseFile?.content),
      "template's",
    );
    const ownMode = own ? modeOf(own) : undefined;
    if (
      baseFile &&
      ownMode === modeOf(baseFile) &&
      modeOf(templateFile) !== ownMode
    ) {
      if (result.get(resultPath)?.mode !== modeOf(templateFile)) {
        problems.push(`${resultPath}: the template's mode change is not taken`);
      }
    }
  }
  // Deleted by the template and untouched by the developer.
  for (const baseFile of subject.base) {
    if (template.has(baseFile.path) || templateRenames[baseFile.path]) continue;
    const own = repository.get(baseFile.path);
    if (own?.content.equals(baseFile.content) && result.has(baseFile.path)) {
      problems.push(
        `${baseFile.path}: deleted by the template but still there`,
      );
    }
  }

  // Every conflict marker names a side.
  const markers = new Set([
    `<<<<<<< ${fixtureLabels.repository}`,
    '=======',
    `>>>>>>> ${fixtureLabels.template}`,
  ]);
  for (const [path, file] of result) {
    if (isBinary(file.content)) continue;
    for (const line of lines(file.content)) {
      const marker = line.replace(/\r$/, '');
      if (/^(<{7}|>{7}|={7})/.test(marker) && !markers.has(marker)) {
        problems.push(`${path}: conflict marker ${JSON.stringify(marker)}`);
      }
    }
  }

  expect(problems).toEqual([]);
}

/**
 * Hashes every file under `dir` (the work tree and, unless left out, the
 * `.git` folder): any write by a command changes the snapshot.
 */
export function snapshotDirectory(
  dir: string,
  include: (path: string) => boolean = () => true,
): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      const path = relative(dir, full);
      if (!include(path)) continue;
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else {
        snapshot[path] = `${(stat.mode & 0o777).toString(8)} ${createHash(
          'sha256',
        )
          .update(readFileSync(full))
          .digest('hex')}`;
      }
    }
  };
  walk(dir);
  return snapshot;
}

/** The work tree, `HEAD` and the index: what a delivery must never change. */
export function snapshotWorkState(dir: string): Record<string, string> {
  return snapshotDirectory(
    dir,
    path =>
      !path.startsWith('.git/') ||
      path === '.git/HEAD' ||
      path === '.git/index',
  );
}
