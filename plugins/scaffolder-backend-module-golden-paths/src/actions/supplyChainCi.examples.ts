import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { SUPPLY_CHAIN_CI_ACTION_ID } from '../supplyChainCi';

/** A template whose one step writes the pipeline from `input`. */
function example(
  description: string,
  input: Record<string, unknown>,
  name = 'Write the CI workflow',
): TemplateExample {
  return {
    description,
    example: yaml.stringify({
      steps: [{ action: SUPPLY_CHAIN_CI_ACTION_ID, id: 'ci', name, input }],
    }),
  };
}

export const examples: TemplateExample[] = [
  example(
    'GitHub Actions for a Node.js service: tests and a lint job (npm run lint), image on ghcr.io, trivy gate on high and critical, SPDX SBOM, cosign keyless signing',
    {
      image: 'ghcr.io/example-org/payments-api',
      language: 'node',
      lint: true,
    },
  ),
  example(
    'GitLab CI with grype failing on critical only, a CycloneDX SBOM and the image in the GitLab registry',
    {
      format: 'gitlab-ci',
      image: 'registry.gitlab.com/example-org/ledger-service',
      language: 'go',
      scanner: 'grype',
      severityThreshold: 'critical',
      sbomFormat: 'cyclonedx-json',
    },
    'Write the GitLab pipeline',
  ),
  example(
    'A Python data pipeline with its own test command, a Dockerfile in a subfolder and a stricter gate',
    {
      image: 'ghcr.io/example-org/orders-etl',
      language: 'python',
      testCommand: 'pip install -e .[test] && pytest -q',
      dockerfile: 'docker/Dockerfile',
      context: '.',
      severityThreshold: 'medium',
    },
  ),
  example(
    'A Java service pushing to a private registry (needs REGISTRY_USERNAME and REGISTRY_PASSWORD secrets), on the trunk branch',
    {
      image: 'registry.example.com/platform/inventory-service',
      language: 'java',
      defaultBranch: 'trunk',
      targetPath: '.github/workflows/build.yaml',
    },
  ),
  example(
    'A frontend image built without a language toolchain and without signing (SBOM only)',
    {
      image: 'ghcr.io/example-org/storefront-web',
      language: 'none',
      sign: false,
    },
  ),
];
