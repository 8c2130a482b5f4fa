import type { GoldenPathGuaranteeId } from '@golden-paths/golden-paths-common';
import type {
  GoldenPathCheck,
  GoldenPathCheckVerdict,
  RepositorySnapshot,
} from '@golden-paths/golden-paths-node';
import { guaranteeCheckBase } from '../guarantee';
import { unlessTruncated, unreadRepositoryVerdict } from '../repositoryFiles';
import { joinWithAnd } from '../text';
import { CI_FILE_PATTERNS, CI_FILES_LOOKED_FOR, readCiFiles } from './ciFiles';
import type { CiTool } from './ciTools';

/** How one check of CI steps reads and words its findings. */
export interface CiToolCheckOptions {
  id: GoldenPathGuaranteeId;
  /** What a matching step does, to follow "no step": "generates an SBOM". */
  does: string;
  /** The tools that count, in the order reasons list them. */
  tools: ReadonlyArray<CiTool>;
  /** How to add such a step. */
  fix: string;
}

function verdict(
  repository: RepositorySnapshot,
  options: CiToolCheckOptions,
): GoldenPathCheckVerdict {
  const unread = unreadRepositoryVerdict(repository);
  if (unread) {
    return unread;
  }
  const files = readCiFiles(repository);
  if (files.length === 0) {
    return unlessTruncated(repository, {
      status: 'fail',
      reason: `no CI configuration found, so nothing ${options.does} (looked for ${CI_FILES_LOOKED_FOR})`,
      fix: options.fix,
    });
  }
  const found = files
    .map(file => ({
      path: file.path,
      tools: options.tools.filter(tool => tool.usedIn(file.code)),
    }))
    .filter(file => file.tools.length > 0);
  if (found.length === 0) {
    return {
      status: 'fail',
      reason: `no step in ${joinWithAnd(files.map(f => f.path))} ${
        options.does
      } (looked for ${joinWithAnd(options.tools.map(t => t.name))})`,
      fix: options.fix,
    };
  }
  const where = found.map(
    file => `${file.path} (${joinWithAnd(file.tools.map(t => t.name))})`,
  );
  return {
    status: 'pass',
    reason: `CI ${options.does} in ${joinWithAnd(where)}`,
  };
}

/**
 * A check that passes when a CI configuration file uses one of the tools,
 * outside comments.
 */
export function createCiToolCheck(
  options: CiToolCheckOptions,
): GoldenPathCheck {
  return {
    ...guaranteeCheckBase(options.id),
    repositoryFiles: [...CI_FILE_PATTERNS],
    evaluate: ({ repository }) => verdict(repository, options),
  };
}
