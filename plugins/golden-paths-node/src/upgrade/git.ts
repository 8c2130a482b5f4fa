import { spawn } from 'node:child_process';
import { CustomErrorBase } from '@backstage/errors';

/**
 * A git command that failed.
 *
 * @public
 */
export class GitCommandError extends CustomErrorBase {
  /** Always `GitCommandError`, to tell it apart from other errors. */
  name = 'GitCommandError' as const;
}

/** A git command that printed more than its caller allowed; it was stopped. */
export class GitOutputLimitError extends CustomErrorBase {
  name = 'GitOutputLimitError' as const;
}

/** How to run one git command. */
export interface GitRunOptions {
  /** The repository (`--git-dir`); none for commands that need no repository. */
  gitDir?: string;
  args: string[];
  /** Bytes fed on stdin. */
  input?: Buffer | string | Buffer[];
  /** Exit codes that are not failures (default: only 0). */
  okCodes?: (code: number) => boolean;
  /** Extra environment, e.g. `GIT_INDEX_FILE` or the commit identity. */
  env?: Record<string, string>;
  cwd?: string;
  /** Stops git (and rejects with the abort reason) when it fires. */
  signal?: AbortSignal;
  /** Stops git and rejects with {@link GitOutputLimitError} past this many bytes of output. */
  maxOutputBytes?: number;
}

/** What a git command printed. */
export interface GitRunResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

// Variables a calling process (a git hook, a CI job) may have set that would
// point our commands at another repository, index or object store.
function isolatedEnvironment(extra: Record<string, string> = {}) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GIT_')) {
      env[key] = value;
    }
  }
  return {
    ...env,
    // The machine's or service account's git configuration must not change
    // how a merge is made (conflict style, rename limits, signing).
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/**
 * Runs git without a shell and collects its output.
 *
 * @remarks
 * Rejects with a {@link GitCommandError} when git exits with a code that
 * `okCodes` does not accept.
 */
export function runGit(options: GitRunOptions): Promise<GitRunResult> {
  const args = [
    ...(options.gitDir ? [`--git-dir=${options.gitDir}`] : []),
    ...options.args,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: isolatedEnvironment(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let printed = 0;
    let stopped: Error | undefined;
    const stop = (error: Error) => {
      stopped ??= error;
      child.kill();
    };
    const onAbort = () =>
      stop(
        options.signal?.reason instanceof Error
          ? options.signal.reason
          : new Error('git was stopped'),
      );
    if (options.signal?.aborted) {
      onAbort();
    } else {
      options.signal?.addEventListener('abort', onAbort, { once: true });
    }
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.length;
      if (
        options.maxOutputBytes !== undefined &&
        printed > options.maxOutputBytes
      ) {
        stop(
          new GitOutputLimitError(
            `git ${options.args[0]} printed more than ${options.maxOutputBytes} bytes`,
          ),
        );
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', chunk => stderr.push(chunk));
    // git may exit before reading all of its input; the exit code tells why.
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (stopped) {
        reject(stopped);
        return;
      }
      const result = {
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8'),
        code: code ?? -1,
      };
      const ok = options.okCodes ?? ((c: number) => c === 0);
      if (signal || !ok(result.code)) {
        reject(
          new GitCommandError(
            `git ${options.args[0]} failed (${
              signal ?? `exit ${result.code}`
            }): ${result.stderr.trim()}`,
          ),
        );
        return;
      }
      resolve(result);
    });
    const input = options.input;
    if (Array.isArray(input)) {
      for (const chunk of input) {
        child.stdin.write(chunk);
      }
    } else if (input !== undefined) {
      child.stdin.write(input);
    }
    child.stdin.end();
  });
}

/** Runs git and returns its standard output as trimmed text. */
export async function gitText(options: GitRunOptions): Promise<string> {
  const { stdout } = await runGit(options);
  return stdout.toString('utf8').trim();
}
