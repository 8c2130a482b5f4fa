import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { createWorkloadCheck } from './kubernetes/createWorkloadCheck';
import {
  SCALER_KINDS_IN_WORDS,
  type Scaler,
  scalersOf,
  scalerTargets,
  selfScaling,
} from './kubernetes/scalers';
import { describeWorkload, type Workload } from './kubernetes/workload';
import { joinWithAnd, listSome } from './text';

/** Kinds that run to completion or once per node: load does not scale them. */
const NOT_SCALED_BY_LOAD = new Set(['Job', 'CronJob', 'Pod', 'DaemonSet']);

const FIX =
  'Add a HorizontalPodAutoscaler (autoscaling/v2) whose spec.scaleTargetRef names the workload, or a KEDA ScaledObject or VerticalPodAutoscaler targeting it; a SparkApplication scales itself with spec.dynamicAllocation.enabled: true, a PyTorchJob with spec.elasticPolicy.';

function scalerNames(scalers: ReadonlyArray<Scaler>): string {
  return joinWithAnd(scalers.map(s => `${s.kind} ${s.name} (${s.file})`));
}

/**
 * The `autoscaling` guarantee: every workload that serves load (not Jobs,
 * CronJobs, Pods or DaemonSets) is the target of a HorizontalPodAutoscaler,
 * KEDA ScaledObject or VerticalPodAutoscaler in the manifests, or scales
 * itself (Spark dynamic allocation, PyTorch elastic policy, Ray
 * autoscaler).
 *
 * @public
 */
export const autoscalingCheck: GoldenPathCheck = createWorkloadCheck({
  id: 'autoscaling',
  judge({ manifests, workloads }) {
    const scalers = scalersOf(manifests.objects);
    const scaled: string[] = [];
    const unscaled: Workload[] = [];
    const recommendOnly: Scaler[] = [];
    for (const workload of workloads) {
      const targeting = scalers.filter(s => scalerTargets(s, workload));
      const active = targeting.filter(s => s.active);
      const itself = selfScaling(workload);
      if (active.length > 0) {
        scaled.push(
          `${describeWorkload(workload)} is scaled by ${scalerNames(active)}`,
        );
      } else if (itself) {
        scaled.push(`${describeWorkload(workload)} scales itself (${itself})`);
      } else if (!NOT_SCALED_BY_LOAD.has(workload.kind)) {
        unscaled.push(workload);
        recommendOnly.push(...targeting);
      }
    }
    const them = (count: number) => (count === 1 ? 'it' : 'them');
    if (unscaled.length > 0) {
      const onlyRecommends =
        recommendOnly.length > 0
          ? `; ${scalerNames(recommendOnly)} only recommends (updateMode: Off)`
          : '';
      return {
        status: 'fail',
        reason: `nothing autoscales ${listSome(
          unscaled.map(describeWorkload),
        )}: no ${SCALER_KINDS_IN_WORDS} in the manifests targets ${them(
          unscaled.length,
        )}${onlyRecommends}`,
        fix: FIX,
      };
    }
    if (scaled.length === 0) {
      return {
        status: 'fail',
        reason: `nothing autoscales ${listSome(
          workloads.map(describeWorkload),
        )}: ${
          workloads.length === 1 ? 'it runs' : 'they run'
        } to completion or once per node, and no ${SCALER_KINDS_IN_WORDS} targets ${them(
          workloads.length,
        )}`,
        fix: FIX,
      };
    }
    return { status: 'pass', reason: listSome(scaled) };
  },
});
