import { runGit } from './git';

/**
 * Files renamed between two trees as git's rename detection sees them:
 * old path to new path.
 */
export async function detectRenames(
  gitDir: string,
  from: string,
  to: string,
): Promise<Map<string, string>> {
  const { stdout } = await runGit({
    gitDir,
    // The same similarity threshold (50%) and limit merge-ort uses.
    args: [
      'diff-tree',
      '-r',
      '-z',
      '-M',
      '-l7000',
      '--diff-filter=R',
      from,
      to,
    ],
  });
  const tokens = stdout.toString('utf8').split('\0');
  const renames = new Map<string, string>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].startsWith(':') && / R\d*$/.test(tokens[i])) {
      renames.set(tokens[i + 1], tokens[i + 2]);
      i += 2;
    }
  }
  return renames;
}
