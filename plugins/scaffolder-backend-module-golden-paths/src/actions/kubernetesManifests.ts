import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ACTION_ID,
  inputSchema,
  outputSchema,
  writeManifests,
} from '../kubernetesManifests';
import { parseActionInput } from '../lib/parseActionInput';
import { examples } from './kubernetesManifests.examples';

/**
 * Writes Kubernetes manifests for a golden-path workload: one file per object
 * plus a kustomization.yaml, with resource requests, cost labels,
 * observability settings, probes, hardened security contexts, autoscaling and
 * disruption budgets as the workload calls for.
 *
 * The files are written into the workspace only, so a dry run writes them
 * too (into the dry run's own workspace).
 *
 * @public
 */
export function createKubernetesManifestsAction() {
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Writes Kubernetes manifests (one file per object and a kustomization.yaml) for a service, frontend, data CronJob, Spark job, PyTorch training job or network function.',
    examples,
    supportsDryRun: true,
    schema: {
      input: () => inputSchema,
      output: () => outputSchema,
    },
    async handler(ctx) {
      const input = parseActionInput(ACTION_ID, inputSchema, ctx.input);
      const { files, kinds } = await writeManifests(ctx.workspacePath, input);
      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: wrote' : 'Wrote'} ${
          files.length
        } files for a ${input.workload} workload (${kinds.join(', ')})`,
      );
      ctx.output('files', files);
      ctx.output('kinds', kinds);
    },
  });
}
