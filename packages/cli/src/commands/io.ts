/**
 * Where a command writes and which directory it resolves paths from. Commands
 * take this instead of touching `process` so tests can run them in-process.
 */
export interface CommandIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export function processIo(): CommandIo {
  return {
    cwd: process.cwd(),
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  };
}
