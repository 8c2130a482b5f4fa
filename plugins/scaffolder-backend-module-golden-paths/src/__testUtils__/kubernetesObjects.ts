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
 * Each object's schema problem, or null, by where it is. Objects of core and
 * autoscaler kinds go through their kubernetes-models schema.
 * SparkApplication and PyTorchJob are CRDs with no maintained npm schema
 * package: their embedded pod templates (PyTorchJob) or the pods they
 * produce (SparkApplication) are validated with the core v1 schemas, and
 * the CRD's required fields are left to the caller to check.
 */
export function schemaProblems(objects: any[]): Array<[string, string | null]> {
  const items = objects.flatMap(object => {
    const where = `${object.kind}/${object.metadata.name}`;
    if (object.kind === 'PyTorchJob') {
      return Object.entries<any>(object.spec.pytorchReplicaSpecs).map(
        ([role, replica]) => ({
          model: 'v1/PodTemplateSpec',
          data: replica.template,
          where: `${where} ${role}`,
        }),
      );
    }
    if (object.kind === 'SparkApplication') {
      return sparkPods(object).map(pod => ({
        model: 'v1/Pod',
        data: pod as unknown,
        where: pod.metadata.name,
      }));
    }
    return [
      { model: `${object.apiVersion}/${object.kind}`, data: object, where },
    ];
  });
  const results = validateWithKubernetesModels(items);
  return items.map((item, i) => [item.where, results[i]]);
}

/**
 * Validates every object the action wrote: names and labels as the API
 * server checks them, and each object's schema ({@link schemaProblems}).
 */
export function validateObjects(objects: any[]) {
  for (const object of objects) {
    const where = `${object.kind}/${object.metadata.name}`;
    expect([where, apiServerChecks(object)]).toEqual([where, []]);
  }
  const problems = schemaProblems(objects);
  expect(problems).toEqual(problems.map(([where]) => [where, null]));
}
