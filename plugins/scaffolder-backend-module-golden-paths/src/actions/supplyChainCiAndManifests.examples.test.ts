import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';
import { createKubernetesManifestsAction } from './kubernetesManifests';
import { createSupplyChainCiAction } from './supplyChainCi';
import { actionTestbed } from '../__testUtils__/actionTestbed';
import { schemaProblems } from '../__testUtils__/kubernetesObjects';

const ci = actionTestbed(createSupplyChainCiAction());
const manifests = actionTestbed(createKubernetesManifestsAction());

/** Each example's description, and the input of its step of the action. */
function cases(action: { id: string; examples?: TemplateExample[] }) {
  return (action.examples ?? []).map(example => {
    const steps: Array<{ action: string; input: Record<string, unknown> }> =
      YAML.parse(example.example).steps;
    const step = steps.find(s => s.action === action.id);
    return [example.description, step?.input] as const;
  });
}

/** What the examples promise, read off a GitHub Actions workflow. */
function summariseGithub(pipeline: any) {
  const build = pipeline.jobs['build-and-push'];
  const ids: string[] = build.steps.map((s: any) => s.id).filter(Boolean);
  const scan = build.steps.find((s: any) => s.id === 'scan');
  const signed = ids.includes('sign');
  return {
    buildScanAndSbom: ['build', 'scan', 'sbom'].every(id => ids.includes(id)),
    scansByDigest: JSON.stringify(scan.with).includes(
      '@${{ steps.build.outputs.digest }}',
    ),
    signed,
    gateBeforeSigning:
      !signed ||
      (ids.indexOf('scan') < ids.indexOf('sign') &&
        build.permissions['id-token'] === 'write'),
    actionsWithoutRef: Object.values<any>(pipeline.jobs)
      .flatMap(job => job.steps)
      .map(step => step.uses)
      .filter(
        uses => uses !== undefined && !/^[\w.-]+\/[\w.-]+@[\w.-]+$/.test(uses),
      ),
  };
}

/** What the examples promise, read off a GitLab CI pipeline. */
function summariseGitlab(pipeline: any) {
  const signed = pipeline.sign !== undefined;
  return {
    buildScanAndSbom: Boolean(
      pipeline['build-and-push'] && pipeline.scan && pipeline.sbom,
    ),
    scansByDigest: pipeline.scan.script
      .join('\n')
      .includes('$IMAGE@$IMAGE_DIGEST'),
    signed,
    gateBeforeSigning: !signed || pipeline.sign.needs.includes('scan'),
    actionsWithoutRef: [],
  };
}

describe('the examples of the supply-chain CI and Kubernetes manifests actions', () => {
  it('both actions have several examples', () => {
    expect(cases(ci.action).length).toBeGreaterThanOrEqual(4);
    expect(cases(manifests.action).length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases(ci.action))(
    'golden-paths:supply-chain:ci: %s',
    async (_d, input) => {
      expect(input).toBeDefined();
      const { outputs } = await ci.execute(input!);
      const { value: pipeline } = await ci.readYaml(outputs.filePath);
      const isGithub = (input!.format ?? 'github-actions') === 'github-actions';
      const sign = (input!.sign as boolean | undefined) ?? true;

      expect(outputs.filePath).toBe(
        input!.targetPath ??
          (isGithub ? '.github/workflows/ci.yaml' : '.gitlab-ci.yml'),
      );
      expect(outputs.gates).toMatchObject({
        scanner: input!.scanner ?? 'trivy',
        severityThreshold: input!.severityThreshold ?? 'high',
        sbomFormat: input!.sbomFormat ?? 'spdx-json',
        imageSigning: sign,
      });
      expect(outputs.gates.failOnSeverities).toContain('CRITICAL');
      expect(
        isGithub ? summariseGithub(pipeline) : summariseGitlab(pipeline),
      ).toEqual({
        buildScanAndSbom: true,
        scansByDigest: true,
        signed: sign,
        gateBeforeSigning: true,
        actionsWithoutRef: [],
      });
    },
  );

  it.each(cases(manifests.action))(
    'golden-paths:kubernetes:manifests: %s',
    async (_d, input) => {
      expect(input).toBeDefined();
      const { outputs } = await manifests.execute(input!);
      const targetDir = (input!.targetDir as string) ?? 'k8s';
      expect(outputs.files[outputs.files.length - 1]).toBe(
        `${targetDir}/kustomization.yaml`,
      );

      const objects = [];
      for (const file of outputs.files.slice(0, -1)) {
        objects.push((await manifests.readYaml(file)).value);
      }
      expect(objects.map(o => o.kind)).toEqual(outputs.kinds);
      const kustomization = outputs.files[outputs.files.length - 1];
      expect((await manifests.readYaml(kustomization)).value).toEqual({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: outputs.files
          .slice(0, -1)
          .map((f: string) => f.split('/').pop()),
      });

      const costLabels = input!.costLabels as Record<string, string>;
      for (const object of objects) {
        expect(object.metadata.labels).toMatchObject({
          'app.kubernetes.io/name': input!.name,
          team: costLabels.team,
          'cost-center': costLabels.costCenter,
          'golden-path': costLabels.goldenPath,
        });
      }
      const problems = schemaProblems(objects);
      expect(problems).toEqual(problems.map(([where]) => [where, null]));
    },
  );
});
