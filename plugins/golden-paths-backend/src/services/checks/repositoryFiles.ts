import type {
  GoldenPathCheckVerdict,
  RepositoryFile,
  RepositorySnapshot,
} from '@golden-paths/golden-paths-node';
import { minimatch } from 'minimatch';

/**
 * The files of a snapshot that match any of the patterns, in path order.
 * The snapshot holds the union of every check's patterns, so each check
 * picks out its own files again.
 */
export function filesMatching(
  repository: RepositorySnapshot,
  patterns: ReadonlyArray<string>,
): RepositoryFile[] {
  return repository.files
    .filter(file =>
      patterns.some(pattern => minimatch(file.path, pattern, { dot: true })),
    )
    .sort((a, b) => a.path.localeCompare(b.path));
}

function withoutFinalStop(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

/**
 * The `unknown` verdict of a check that needs repository files when the
 * repository was not read, or undefined when it was.
 */
export function unreadRepositoryVerdict(
  repository: RepositorySnapshot,
): GoldenPathCheckVerdict | undefined {
  if (repository.status === 'read') {
    return undefined;
  }
  if (repository.status === 'none') {
    return {
      status: 'unknown',
      reason:
        'the entity names no repository (no backstage.io/source-location)',
      fix: 'Add the backstage.io/source-location annotation to catalog-info.yaml so the repository can be read.',
    };
  }
  const where = repository.location ? ` at ${repository.location}` : '';
  const why = repository.reason
    ? withoutFinalStop(repository.reason)
    : 'no reason was given';
  return {
    status: 'unknown',
    reason: `the repository${where} could not be read: ${why}`,
  };
}

/**
 * A verdict that says some file is missing, turned into `unknown` when the
 * snapshot was truncated: the file may be among those left out.
 */
export function unlessTruncated(
  repository: RepositorySnapshot,
  verdict: GoldenPathCheckVerdict,
): GoldenPathCheckVerdict {
  if (!repository.truncated || verdict.status !== 'fail') {
    return verdict;
  }
  return {
    status: 'unknown',
    reason: `${verdict.reason}, but the repository was read only in part (size or file-count limits)`,
  };
}
