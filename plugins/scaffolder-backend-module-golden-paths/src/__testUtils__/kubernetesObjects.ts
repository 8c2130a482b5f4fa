import { validateWithKubernetesModels } from './kubernetesModels';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * What the API server checks and the OpenAPI schemas do not: names and
 * label syntax.
 */
export function apiServerChecks(object: any): string[] {
  const problems: string[] = [];
  const checkLabels = (where: string, labels: Record<string, string> = {}) => {
    for (const [key, value] of Object.entries(labels)) {
      if (!LABEL_KEY.test(key)) problems.push(`${where}: label key ${key}`);
      if (
        typeof value !== 'string' ||
        value.length > 63 ||
        !LABEL_VALUE.test(value)
      ) {
        problems.push(`${where}: label value ${key}=${value}`);
      }
    }
  };
  if (!DNS_1123_LABEL.test(object.metadata?.name ?? '')) {
    problems.push(`name ${object.metadata?.name}`);
  }
  checkLabels('metadata', object.metadata?.labels);
  return problems;
}

/**
 * Builds the pods the Spark operator would create from a SparkApplication,
 * as far as this spec decides them, so that kubernetes-models can check the
 * parts that are core Kubernetes types (labels, env, security context).
 */
function sparkPods(app: any) {
  return (['driver', 'executor'] as const).map(role => {
    const spec = app.spec[role];
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${app.metadata.name}-${role}`, labels: spec.labels },
      spec: {
        ...(spec.serviceAccount
          ? { serviceAccountName: spec.serviceAccount }
          : {}),
        containers: [
          {
            name: `spark-kubernetes-${role}`,
            image: app.spec.image,
            env: spec.env,
            securityContext: spec.securityContext,
            resources: { requests: { cpu: String(spec.cores) } },
          },
        ],
      },
    };
  });
}

/**
 * Validates every object the action wrote. Objects of core and autoscaler
 * kinds go through their kubernetes-models schema. SparkApplication and
 * PyTorchJob are CRDs with no maintained npm schema package: their embedded
 * pod templates (PyTorchJob) or the pods they produce (SparkApplication) are
 * validated with the core v1 schemas, and the CRD's required fields are
 * checked explicitly by the caller.
 */
export function validateObjects(objects: any[]) {
  const items: Array<{ model: string; data: unknown; where: string }> = [];
  for (const object of objects) {
    const where = `${object.kind}/${object.metadata.name}`;
    expect([where, apiServerChecks(object)]).toEqual([where, []]);
    if (object.kind === 'PyTorchJob') {
      for (const [role, replica] of Object.entries<any>(
        object.spec.pytorchReplicaSpecs,
      )) {
        items.push({
          model: 'v1/PodTemplateSpec',
          data: replica.template,
          where: `${where} ${role}`,
        });
      }
    } else if (object.kind === 'SparkApplication') {
      for (const pod of sparkPods(object)) {
        items.push({ model: 'v1/Pod', data: pod, where: pod.metadata.name });
      }
    } else {
      items.push({
        model: `${object.apiVersion}/${object.kind}`,
        data: object,
        where,
      });
    }
  }
  const results = validateWithKubernetesModels(items);
  expect(results.map((r, i) => [items[i].where, r])).toEqual(
    items.map(item => [item.where, null]),
  );
}
