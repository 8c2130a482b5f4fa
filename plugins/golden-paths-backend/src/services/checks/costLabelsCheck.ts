import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { createWorkloadCheck } from './kubernetes/createWorkloadCheck';
import { describePodOf, describeWorkload } from './kubernetes/workload';
import { nonEmpty } from './kubernetes/values';
import { countOf, joinWithAnd, listSome } from './text';

/**
 * The labels the `cost-labels` check asks for unless told otherwise.
 *
 * @public
 */
export const DEFAULT_COST_LABELS: ReadonlyArray<string> = [
  'team',
  'cost-center',
];

/**
 * Options of {@link createCostLabelsCheck}.
 *
 * @public
 */
export interface CostLabelsCheckOptions {
  /** The labels every pod must carry; defaults to {@link DEFAULT_COST_LABELS}. */
  labels?: ReadonlyArray<string>;
}

/**
 * Creates the `cost-labels` check: every pod template of every workload
 * carries each of the labels with a non-empty value. Labels a
 * kustomization adds to templates count; for a SparkApplication the
 * driver's and executor's labels count together with the application's.
 *
 * @public
 */
export function createCostLabelsCheck(
  options: CostLabelsCheckOptions = {},
): GoldenPathCheck {
  const labels = [...(options.labels ?? DEFAULT_COST_LABELS)];
  if (labels.length === 0) {
    throw new Error('The cost-labels check needs at least one label');
  }
  const labelWords = `${joinWithAnd(labels)} ${
    labels.length === 1 ? 'label' : 'labels'
  }`;
  return createWorkloadCheck({
    id: 'cost-labels',
    judge({ workloads }) {
      const offenders: string[] = [];
      for (const workload of workloads) {
        for (const pod of workload.pods) {
          const missing = labels.filter(label => !nonEmpty(pod.labels[label]));
          if (missing.length > 0) {
            offenders.push(
              `${describePodOf(workload, pod)} has no ${joinWithAnd(missing)} ${
                missing.length === 1 ? 'label' : 'labels'
              } in ${pod.labelsField}`,
            );
          }
        }
      }
      if (offenders.length > 0) {
        const others =
          offenders.length > 1
            ? `, and ${countOf(
                offenders.length - 1,
                'other pod template misses',
                'other pod templates miss',
              )} cost labels too`
            : '';
        return {
          status: 'fail',
          reason: `${offenders[0]}${others}`,
          fix: `Add the ${labelWords} with non-empty values to every pod template (spec.template.metadata.labels; for a SparkApplication spec.driver.labels and spec.executor.labels), or to kustomization.yaml labels with includeTemplates: true.`,
        };
      }
      return {
        status: 'pass',
        reason: `the pods of ${listSome(
          workloads.map(describeWorkload),
        )} carry the ${labelWords}`,
      };
    },
  });
}

/**
 * The `cost-labels` check with {@link DEFAULT_COST_LABELS}.
 *
 * @public
 */
export const costLabelsCheck: GoldenPathCheck = createCostLabelsCheck();
