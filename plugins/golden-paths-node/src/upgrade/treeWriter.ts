import { runGit, gitText } from './git';
import type { TreeListing } from './treeEntries';

/** The three sides written as commits of the temporary repository. */
export interface MergeCommits {
  base: string;
  template: string;
  repository: string;
}

/** The repository side, as files to write or as a tree already readable. */
export type RepositoryTree =
  | { listing: TreeListing }
  | { treeId: string; remove: string[] };

const COMMITTER = 'committer Golden Paths <golden-paths@localhost> 0 +0000\n';

// fast-import reads C-style quoted paths, so any byte of a path survives.
function quotePath(path: string): string {
  let quoted = '"';
  for (const char of path) {
    const code = char.charCodeAt(0);
    if (char === '"' || char === '\\') quoted += `\\${char}`;
    else if (code < 0x20 || code === 0x7f)
      quoted += `\\${code.toString(8).padStart(3, '0')}`;
    else quoted += char;
  }
  return `${quoted}"`;
}

function fileLines(listing: TreeListing, marks: Map<string, number>): string {
  let lines = 'deleteall\n';
  for (const [path, entry] of listing) {
    const ref = marks.has(entry.oid) ? `:${marks.get(entry.oid)}` : entry.oid;
    lines += `M ${entry.mode} ${ref} ${quotePath(path)}\n`;
  }
  return lines;
}

/**
 * Writes base (a root commit), template and repository (both children of
 * base, so base is their merge base) with one `git fast-import`, and the
 * blobs of every in-memory file.
 */
export async function writeMergeCommits(options: {
  gitDir: string;
  blobs: Map<string, Buffer>;
  base: TreeListing;
  template: TreeListing;
  repository: RepositoryTree;
}): Promise<MergeCommits> {
  const chunks: Buffer[] = [Buffer.from('feature done\n')];
  const marks = new Map<string, number>();
  for (const [oid, content] of options.blobs) {
    marks.set(oid, marks.size + 1);
    chunks.push(
      Buffer.from(`blob\nmark :${marks.size}\ndata ${content.length}\n`),
      content,
      Buffer.from('\n'),
    );
  }
  const commit = (ref: string, body: string) =>
    chunks.push(
      Buffer.from(`commit refs/heads/${ref}\n${COMMITTER}data 0\n${body}\n`),
    );
  commit('base', fileLines(options.base, marks));
  commit(
    'template',
    `from refs/heads/base\n${fileLines(options.template, marks)}`,
  );
  const repository = options.repository;
  commit(
    'repository',
    `from refs/heads/base\n${
      'listing' in repository
        ? fileLines(repository.listing, marks)
        : `M 040000 ${repository.treeId} ""\n${repository.remove
            .map(path => `D ${quotePath(path)}\n`)
            .join('')}`
    }`,
  );
  chunks.push(Buffer.from('done\n'));
  await runGit({
    gitDir: options.gitDir,
    args: ['fast-import', '--quiet', '--date-format=raw'],
    input: chunks,
  });
  const [base, template, repositoryCommit] = (
    await gitText({
      gitDir: options.gitDir,
      args: [
        'rev-parse',
        'refs/heads/base',
        'refs/heads/template',
        'refs/heads/repository',
      ],
    })
  ).split('\n');
  return { base, template, repository: repositoryCommit };
}
