import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { CI_FILE_PATTERNS, CI_FILES_LOOKED_FOR } from './ci/ciFiles';
import { guaranteeCheckBase } from './guarantee';
import {
  filesMatching,
  unlessTruncated,
  unreadRepositoryVerdict,
} from './repositoryFiles';
import { listSome } from './text';

/**
 * The `ci` guarantee: the repository has a CI configuration (GitHub Actions,
 * GitLab CI, Jenkins, Azure Pipelines, CircleCI or Bitbucket Pipelines).
 *
 * @public
 */
export const ciCheck: GoldenPathCheck = {
  ...guaranteeCheckBase('ci'),
  repositoryFiles: [...CI_FILE_PATTERNS],
  evaluate({ repository }) {
    const unread = unreadRepositoryVerdict(repository);
    if (unread) {
      return unread;
    }
    const files = filesMatching(repository, CI_FILE_PATTERNS).filter(
      file => file.content.trim() !== '',
    );
    if (files.length === 0) {
      return unlessTruncated(repository, {
        status: 'fail',
        reason: `no CI configuration found (looked for ${CI_FILES_LOOKED_FOR})`,
        fix: "Add a CI workflow that builds and tests every change, e.g. .github/workflows/ci.yaml from the path's template.",
      });
    }
    return {
      status: 'pass',
      reason: `CI configuration found in ${listSome(files.map(f => f.path))}`,
    };
  },
};
