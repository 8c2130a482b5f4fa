import { spawnSync } from 'node:child_process';

/**
 * Schema models from the maintained `kubernetes-models` packages, by
 * apiVersion/kind. Those packages ship as ES modules only, with "import"-only
 * export maps, which Jest's CommonJS runtime can neither resolve nor load
 * without --experimental-vm-modules. So validation runs in a child Node.js
 * process, where native ESM works, one batch of objects per call.
 */
const MODELS: Record<string, string> = {
  'v1/ServiceAccount': 'kubernetes-models/v1/ServiceAccount',
  'v1/Service': 'kubernetes-models/v1/Service',
  'v1/Pod': 'kubernetes-models/v1/Pod',
  'v1/PodTemplateSpec': 'kubernetes-models/v1/PodTemplateSpec',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'autoscaling/v2/HorizontalPodAutoscaler':
    'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget':
    'kubernetes-models/policy/v1/PodDisruptionBudget',
  'batch/v1/CronJob': 'kubernetes-models/batch/v1/CronJob',
  'rbac.authorization.k8s.io/v1/Role':
    'kubernetes-models/rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding':
    'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding',
  'autoscaling.k8s.io/v1/VerticalPodAutoscaler':
    '@kubernetes-models/autoscaler/autoscaling.k8s.io/v1/VerticalPodAutoscaler',
};

const VALIDATE_SCRIPT = `
import { readFileSync } from 'node:fs';
const { modules, items } = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const { model, data } of items) {
  if (!modules[model]) { results.push('no schema model for ' + model); continue; }
  const Model = (await import(modules[model]))[model.split('/').pop()];
  try { new Model(data).validate(); results.push(null); }
  catch (error) { results.push(String(error && error.message || error)); }
}
process.stdout.write(JSON.stringify(results));
`;

/** Validation errors per item (null when valid), from kubernetes-models. */
export function validateWithKubernetesModels(
  items: Array<{ model: string; data: unknown }>,
): Array<string | null> {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', VALIDATE_SCRIPT],
    {
      cwd: __dirname,
      input: JSON.stringify({ modules: MODELS, items }),
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) {
    throw new Error(
      `kubernetes-models validation failed to run: ${child.stderr}`,
    );
  }
  return JSON.parse(child.stdout);
}
