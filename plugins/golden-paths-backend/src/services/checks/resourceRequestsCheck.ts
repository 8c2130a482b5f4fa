import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { createWorkloadCheck } from './kubernetes/createWorkloadCheck';
import {
  type ContainerResources,
  describeContainer,
} from './kubernetes/workload';
import { countOf, joinWithAnd, listSome } from './text';

/** CPU limits are left out on purpose: they cause CFS throttling. */
const REQUIRED: ReadonlyArray<keyof ContainerResources> = [
  'cpuRequest',
  'memoryRequest',
  'memoryLimit',
];

/**
 * The `resource-requests` guarantee: every container of every workload,
 * init containers included, declares a CPU request, a memory request and a
 * memory limit. A CPU limit is not required.
 *
 * @public
 */
export const resourceRequestsCheck: GoldenPathCheck = createWorkloadCheck({
  id: 'resource-requests',
  judge({ workloads }) {
    const offenders: string[] = [];
    let containers = 0;
    for (const workload of workloads) {
      for (const pod of workload.pods) {
        for (const container of pod.containers) {
          containers += 1;
          const missing = new Set(
            REQUIRED.filter(resource => !container.resources[resource]).map(
              resource => container.resourceFields[resource],
            ),
          );
          if (missing.size > 0) {
            offenders.push(
              `${describeContainer(
                workload,
                pod,
                container,
              )} has no ${joinWithAnd([...missing])}`,
            );
          }
        }
      }
    }
    const files = [...new Set(workloads.map(w => w.file))];
    if (containers === 0) {
      return {
        status: 'fail',
        reason: `the workloads in ${listSome(files)} declare no containers`,
      };
    }
    if (offenders.length > 0) {
      const others =
        offenders.length > 1
          ? `, and ${countOf(
              offenders.length - 1,
              'other container lacks',
              'other containers lack',
            )} requests or a memory limit too`
          : '';
      return {
        status: 'fail',
        reason: `${offenders[0]}${others}`,
        fix: 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory on every container, init containers included (for a SparkApplication, cores and memory of the driver and the executor); a CPU limit is not needed.',
      };
    }
    const subject: Record<number, string> = {
      1: 'the only container in',
      2: 'both containers in',
    };
    return {
      status: 'pass',
      reason: `${
        subject[containers] ?? `all ${countOf(containers, 'container')} in`
      } ${listSome(files)} ${
        containers === 1 ? 'declares' : 'declare'
      } CPU and memory requests and a memory limit`,
    };
  },
});
