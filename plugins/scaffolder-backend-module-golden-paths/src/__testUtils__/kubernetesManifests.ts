import { createKubernetesManifestsAction } from '../actions/kubernetesManifests';
import { actionTestbed } from './actionTestbed';
import { validateObjects } from './kubernetesObjects';

const REQUIRED_LABELS = [
  'app.kubernetes.io/name',
  'team',
  'cost-center',
  'golden-path',
];

/** The cost labels of {@link service}. */
export const costLabels = {
  team: 'payments',
  costCenter: 'cc-1234',
  goldenPath: 'node-http-service',
};

/** The least input of a service, which the tests vary. */
export const service = {
  name: 'payments-api',
  namespace: 'payments',
  workload: 'service',
  image: 'ghcr.io/example-org/payments-api:1.0.0',
  costLabels,
};

/**
 * The Kubernetes manifests action over an {@link actionTestbed}; `run` runs
 * it and reads back what it wrote: every file one YAML document, the
 * kustomization listing the others, each object valid for its schema and
 * carrying the cost and ownership labels. Call it in a describe block.
 */
export function kubernetesManifestsTestbed() {
  const testbed = actionTestbed(createKubernetesManifestsAction());

  async function run(
    input: Record<string, unknown>,
    extra?: Parameters<typeof testbed.execute>[1],
  ) {
    const { ctx, outputs } = await testbed.execute(input, extra);
    const texts: Record<string, string> = {};
    const objects: Record<string, any> = {};
    for (const file of outputs.files as string[]) {
      const { text, value } = await testbed.readYaml(file);
      const name = file.split('/').pop()!;
      texts[name] = text;
      objects[name] = value;
    }
    const { 'kustomization.yaml': kustomization, ...k8s } = objects;
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: Object.keys(k8s),
    });
    expect(Object.values(k8s).map(o => o.kind)).toEqual(outputs.kinds);
    validateObjects(Object.values(k8s));
    for (const object of Object.values(k8s)) {
      for (const label of REQUIRED_LABELS) {
        expect(object.metadata.labels[label]).toBeTruthy();
      }
    }
    return {
      outputs: outputs as { files: string[]; kinds: string[] },
      objects: k8s,
      texts,
      ctx,
    };
  }

  return { ...testbed, run };
}

/** The pod template of a Deployment or a CronJob. */
export function podTemplateOf(object: any) {
  return object.kind === 'CronJob'
    ? object.spec.jobTemplate.spec.template
    : object.spec.template;
}

/** Expects a pod template's labels, and requests and a memory limit. */
export function expectPodBasics(template: any, labels: Record<string, string>) {
  expect(template.metadata.labels).toMatchObject(labels);
  for (const container of template.spec.containers) {
    expect(container.resources.requests.cpu).toBeDefined();
    expect(container.resources.requests.memory).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
  }
}
