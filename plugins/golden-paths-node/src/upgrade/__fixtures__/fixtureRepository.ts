import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TreeFile } from '../types';

/** A git environment that no global configuration or caller variable changes. */
export function fixtureGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Developer',
    GIT_AUTHOR_EMAIL: 'developer@example.com',
    GIT_COMMITTER_NAME: 'Developer',
    GIT_COMMITTER_EMAIL: 'developer@example.com',
    LC_ALL: 'C',
  };
}

/** Runs git in a fixture repository and returns its output. */
export function fixtureGitBuffer(
  cwd: string,
  args: string[],
  input?: string,
): Buffer {
  return execFileSync('git', args, {
    cwd,
    env: fixtureGitEnv(),
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Runs git in a fixture repository and returns its output as text. */
export function fixtureGit(
  cwd: string,
  args: string[],
  input?: string,
): string {
  return fixtureGitBuffer(cwd, args, input).toString('utf8');
}

function writeTreeFile(dir: string, file: TreeFile) {
  const target = join(dir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  chmodSync(target, file.executable ? 0o755 : 0o644);
}

/** A developer's repository as `git init` makes it. */
export interface FixtureRepository {
  dir: string;
  gitDir: string;
  /** The commit holding the files. */
  commit: string;
}

/**
 * Makes a repository at `dir` whose `main` commit holds `files`, then, with
 * `dirty`, leaves a staged change, an unstaged change and an untracked file
 * behind, as a developer in the middle of work would.
 */
export function createFixtureRepository(
  dir: string,
  files: TreeFile[],
  options: { dirty?: boolean; objectFormat?: 'sha1' | 'sha256' } = {},
): FixtureRepository {
  mkdirSync(dir, { recursive: true });
  fixtureGit(dir, [
    'init',
    '--quiet',
    '--initial-branch=main',
    `--object-format=${options.objectFormat ?? 'sha1'}`,
  ]);
  // Files are committed exactly as given, whatever the platform's defaults.
  fixtureGit(dir, ['config', 'core.autocrlf', 'false']);
  fixtureGit(dir, ['config', 'core.fileMode', 'true']);
  for (const file of files) writeTreeFile(dir, file);
  fixtureGit(dir, ['add', '--all']);
  fixtureGit(dir, [
    'commit',
    '--quiet',
    '--message',
    'Scaffolded from fixture-service 1.0.0',
  ]);
  if (options.dirty) {
    writeFileSync(join(dir, 'staged.txt'), 'staged, not committed\n');
    fixtureGit(dir, ['add', 'staged.txt']);
    writeFileSync(join(dir, 'notes', 'mine.txt'), 'edited, not staged\n');
    writeFileSync(join(dir, 'untracked.txt'), 'never added\n');
  }
  return {
    dir,
    gitDir: join(dir, '.git'),
    commit: fixtureGit(dir, ['rev-parse', 'HEAD']).trim(),
  };
}
