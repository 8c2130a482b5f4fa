import type { ScmIntegrationRegistry } from '@backstage/integration';
import type {
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';
import {
  SCAFFOLD_RECORD_PATH,
  type ScaffoldRecord,
} from '../scaffold/scaffoldRecord';
import { stringifyScaffoldRecord } from '../scaffold/scaffoldRecordYaml';
import { commitToLocalBranch } from '../upgrade/commitToLocalBranch';
import type { ThreeWayMerge } from '../upgrade/types';
import type { ComponentRepository } from './componentRepository';
import { describeUpgrade } from './describeUpgrade';
import { deliverGithubPullRequest } from './githubPullRequest';
import { isUpgradeCommit, withUpgradeTrailers } from './upgradeCommitTrailers';

/**
 * Writes a planned upgrade with its new scaffold record: a branch in the
 * local repository (the embedded default), or a pull request on GitHub.
 */
export async function deliverUpgrade(options: {
  integrations: ScmIntegrationRegistry;
  plan: UpgradePlan;
  merge: ThreeWayMerge;
  repository: ComponentRepository;
  record: ScaffoldRecord;
}): Promise<UpgradeResult> {
  const { plan, merge, repository, record } = options;
  const extraFiles = [
    {
      path: SCAFFOLD_RECORD_PATH,
      content: Buffer.from(stringifyScaffoldRecord(record)),
    },
  ];
  if (repository.kind === 'remote') {
    const delivered = await deliverGithubPullRequest({
      integrations: options.integrations,
      repositoryUrl: repository.url,
      baseCommit: repository.etag,
      repositoryPaths: new Set(repository.files.map(f => f.path)),
      plan,
      merge,
      extraFiles,
      title: `Upgrade to ${plan.path.title ?? plan.path.entityRef} ${
        plan.toVersion
      }`,
      body: describeUpgrade(plan),
    });
    return { plan, delivery: { ...plan.delivery, ...delivered } };
  }
  // The branch moves only off an upgrade commit this wrote, as it left it:
  // never off a commit someone added or amended.
  const pathRef = plan.path.entityRef;
  const { commit } = await commitToLocalBranch({
    merge,
    gitDir: repository.gitDir,
    parent: repository.commit,
    branch: plan.delivery.branch,
    message: tree =>
      withUpgradeTrailers(describeUpgrade(plan), { pathRef, tree }),
    replaceable: current => isUpgradeCommit(current, pathRef),
    extraFiles,
  });
  return { plan, delivery: { ...plan.delivery, commit } };
}
