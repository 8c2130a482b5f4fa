import type { GoldenPathGuaranteeId } from '@golden-paths/golden-paths-common';
import type {
  GoldenPathCheck,
  GoldenPathCheckContext,
  GoldenPathCheckVerdict,
} from '@golden-paths/golden-paths-node';
import { guaranteeCheckBase } from '../guarantee';
import { unlessTruncated, unreadRepositoryVerdict } from '../repositoryFiles';
import { joinWithAnd, listSome } from '../text';
import {
  KUBERNETES_MANIFEST_PATTERNS,
  MANIFEST_FOLDERS,
  type Manifests,
  readManifests,
} from './manifests';
import type { Workload } from './workload';
import { extractWorkloads } from './workloads';

/** What a check of Kubernetes workloads decides on. */
export interface WorkloadCheckInput {
  manifests: Manifests;
  /** Never empty: without workloads the check fails before it is asked. */
  workloads: Workload[];
  context: GoldenPathCheckContext;
}

/** A check of the workloads in a repository's Kubernetes manifests. */
export interface WorkloadCheckOptions {
  id: GoldenPathGuaranteeId;
  judge(input: WorkloadCheckInput): GoldenPathCheckVerdict;
}

const NO_MANIFESTS_FIX =
  "Keep the workload's Kubernetes manifests as plain YAML under k8s/ (or deploy/, manifests/, kubernetes/), as the path's template generates them.";

function noWorkloadsVerdict(manifests: Manifests): GoldenPathCheckVerdict {
  const unparsable =
    manifests.unparsable.length > 0
      ? `; ${listSome(
          manifests.unparsable,
        )} did not parse as YAML (templates are not rendered)`
      : '';
  return {
    status: 'fail',
    reason: `no workload (Deployment, StatefulSet, Job, CronJob, SparkApplication, PyTorchJob, …) found in ${listSome(
      manifests.files,
    )}${unparsable}`,
    fix: NO_MANIFESTS_FIX,
  };
}

/**
 * A check that reads the repository's Kubernetes manifests: `unknown` when
 * the repository was not read, `fail` when there are no manifests or no
 * workloads in them, and otherwise what `judge` says.
 */
export function createWorkloadCheck(
  options: WorkloadCheckOptions,
): GoldenPathCheck {
  return {
    ...guaranteeCheckBase(options.id),
    repositoryFiles: [...KUBERNETES_MANIFEST_PATTERNS],
    evaluate(context) {
      const { repository } = context;
      const unread = unreadRepositoryVerdict(repository);
      if (unread) {
        return unread;
      }
      const manifests = readManifests(repository);
      if (manifests.files.length === 0) {
        return unlessTruncated(repository, {
          status: 'fail',
          reason: `no Kubernetes manifests found (looked for YAML files under ${joinWithAnd(
            MANIFEST_FOLDERS.map(folder => `${folder}/`),
          )})`,
          fix: NO_MANIFESTS_FIX,
        });
      }
      const workloads = extractWorkloads(manifests);
      if (workloads.length === 0) {
        return unlessTruncated(repository, noWorkloadsVerdict(manifests));
      }
      return options.judge({ manifests, workloads, context });
    },
  };
}
