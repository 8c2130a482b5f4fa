import type {
  UpgradeFileChange,
  UpgradePlan,
} from '@golden-paths/golden-paths-common';
import type { ComponentRepository } from './componentRepository';
import { upgradeBranchName } from './upgradeBranch';

/**
 * The plan as the API and the action return it: versions, mode, per-file
 * outcomes with their counts, and where running it delivers.
 */
export function upgradePlanDocument(options: {
  entityRef: string;
  path: { entityRef: string; title?: string };
  fromVersion: string;
  toVersion: string;
  recopyReason?: string;
  notes: string[];
  files: UpgradeFileChange[];
  repository: ComponentRepository;
  releaseNotes?: string;
  timings: UpgradePlan['timings'];
}): UpgradePlan {
  const { files, repository, recopyReason, notes, releaseNotes } = options;
  return {
    entityRef: options.entityRef,
    path: options.path,
    fromVersion: options.fromVersion,
    toVersion: options.toVersion,
    mode: recopyReason ? 'recopy' : 'merge',
    ...(recopyReason ? { recopyReason } : {}),
    ...(notes.length ? { notes } : {}),
    files,
    summary: {
      changed: files.filter(f => f.outcome !== 'stays-deleted').length,
      conflicts: files.filter(
        f => f.outcome === 'conflict' || f.outcome === 'added-conflict',
      ).length,
      flagged: files.filter(f => f.flagged).length,
    },
    delivery: {
      kind: repository.kind === 'local' ? 'local-branch' : 'pull-request',
      branch: upgradeBranchName(options.path.entityRef),
      repository:
        repository.kind === 'local' ? repository.name : repository.url,
    },
    ...(releaseNotes ? { releaseNotes } : {}),
    timings: options.timings,
  };
}
