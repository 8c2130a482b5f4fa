import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'GitHub Actions for a Node.js service: tests and a lint job (npm run lint), image on ghcr.io, trivy gate on high and critical, SPDX SBOM, cosign keyless signing',
    example: yaml.stringify({
      steps: [
        {
          action: 'golden-paths:supply-chain:ci',
          id: 'ci',
          name: 'Write the CI workflow',
          input: {
            image: 'ghcr.io/example-org/payments-api',
            language: 'node',
            lint: true,
          },
        },
      ],
    }),
  },
  {
    description:
      'GitLab CI with grype failing on critical only, a CycloneDX SBOM and the image in the GitLab registry',
    example: yaml.stringify({
      steps: [
        {
          action: 'golden-paths:supply-chain:ci',
          id: 'ci',
          name: 'Write the GitLab pipeline',
          input: {
            format: 'gitlab-ci',
            image: 'registry.gitlab.com/example-org/ledger-service',
            language: 'go',
            scanner: 'grype',
            severityThreshold: 'critical',
            sbomFormat: 'cyclonedx-json',
          },
        },
      ],
    }),
  },
  {
    description:
      'A Python data pipeline with its own test command, a Dockerfile in a subfolder and a stricter gate',
    example: yaml.stringify({
      steps: [
        {
          action: 'golden-paths:supply-chain:ci',
          id: 'ci',
          name: 'Write the CI workflow',
          input: {
            image: 'ghcr.io/example-org/orders-etl',
            language: 'python',
            testCommand: 'pip install -e .[test] && pytest -q',
            dockerfile: 'docker/Dockerfile',
            context: '.',
            severityThreshold: 'medium',
          },
        },
      ],
    }),
  },
  {
    description:
      'A Java service pushing to a private registry (needs REGISTRY_USERNAME and REGISTRY_PASSWORD secrets), on the trunk branch',
    example: yaml.stringify({
      steps: [
        {
          action: 'golden-paths:supply-chain:ci',
          id: 'ci',
          name: 'Write the CI workflow',
          input: {
            image: 'registry.example.com/platform/inventory-service',
            language: 'java',
            defaultBranch: 'trunk',
            targetPath: '.github/workflows/build.yaml',
          },
        },
      ],
    }),
  },
  {
    description:
      'A frontend image built without a language toolchain and without signing (SBOM only)',
    example: yaml.stringify({
      steps: [
        {
          action: 'golden-paths:supply-chain:ci',
          id: 'ci',
          name: 'Write the CI workflow',
          input: {
            image: 'ghcr.io/example-org/storefront-web',
            language: 'none',
            sign: false,
          },
        },
      ],
    }),
  },
];
