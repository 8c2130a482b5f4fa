import type {
  GoldenPathEntityV1alpha1,
  PathSummary,
} from '@golden-paths/golden-paths-common';
import { goldenPathEntity } from './goldenPathEntity';

// Paths of the card and browse page tests, abridged from
// examples/golden-paths.yaml.

/** What the supported container paths all promise. */
const SUPPLY_CHAIN_GUARANTEES = [
  'owner',
  'ci',
  'sbom',
  'image-signing',
  'vulnerability-scan',
  'resource-requests',
] as const;

export const nodeHttpService = goldenPathEntity(
  'node-http-service',
  {
    version: '2.1.0',
    templates: ['template:default/node-http-service'],
    stack: {
      language: 'TypeScript',
      runtime: 'Node.js 22',
      framework: 'Fastify 5',
      ci: 'GitHub Actions',
      deploy: 'Argo CD',
      observability: 'OpenTelemetry',
      packaging: 'Distroless container image',
    },
    guarantees: [
      ...SUPPLY_CHAIN_GUARANTEES,
      'autoscaling',
      'observability',
      'cost-labels',
    ],
    steps: [{ title: 'Scaffold the service' }],
  },
  {
    title: 'Node.js HTTP service on Kubernetes',
    description:
      'Fastify service in TypeScript on Node.js 22 with OpenTelemetry tracing, SBOM, keyless-signed images, Trivy scanning, HPA and Argo CD delivery.',
    tags: ['nodejs', 'typescript', 'fastify', 'http', 'kubernetes'],
  },
);

export const pythonDataPipeline = goldenPathEntity(
  'python-data-pipeline',
  {
    owner: 'group:default/data-platform',
    category: 'data',
    version: '1.4.0',
    templates: ['template:default/python-data-pipeline'],
    stack: {
      language: 'Python 3.12',
      runtime: 'CPython 3.12 (slim container)',
      framework: 'Dagster',
      ci: 'GitHub Actions',
      deploy: 'Argo CD (dagster-user-deployments Helm chart)',
      observability: 'OpenTelemetry and Dagster run logs',
    },
    guarantees: [...SUPPLY_CHAIN_GUARANTEES, 'observability'],
  },
  {
    title: 'Python data pipeline with Dagster',
    description:
      'Dagster code location in Python 3.12 with partitioned assets and asset checks, one Kubernetes Job per run, Parquet on object storage.',
    tags: ['python', 'dagster', 'data-pipeline', 'batch', 'kubernetes'],
  },
);

export const nodeHttpServiceLegacy = goldenPathEntity(
  'node-http-service-legacy',
  {
    lifecycle: 'deprecated',
    version: '1.6.0',
    replacedBy: 'goldenpath:default/node-http-service',
    stack: {
      language: 'JavaScript',
      runtime: 'Node.js 18',
      framework: 'Express 4',
      ci: 'Jenkins',
    },
    guarantees: ['owner', 'ci', 'resource-requests'],
  },
  {
    title: 'Node.js Express service (legacy)',
    description:
      'The first Node.js path, Express 4 on Node.js 18 built by Jenkins and deployed with helm upgrade. Replaced by the Node.js HTTP service path.',
    tags: ['nodejs', 'javascript', 'express', 'http', 'legacy'],
  },
);

export const examplePaths = [
  nodeHttpService,
  pythonDataPipeline,
  nodeHttpServiceLegacy,
];

/** A backend summary of a path with the given figures. */
export function summaryOf(
  entity: GoldenPathEntityV1alpha1,
  figures: { adoption: number; compliant: number },
): PathSummary {
  const { adoption, compliant } = figures;
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    ref: `goldenpath:${namespace}/${entity.metadata.name}`,
    namespace,
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description,
    tags: entity.metadata.tags ?? [],
    owner: entity.spec.owner,
    lifecycle: entity.spec.lifecycle,
    category: entity.spec.category,
    version: entity.spec.version,
    replacedBy: entity.spec.replacedBy,
    templates: entity.spec.templates ?? [],
    guarantees: entity.spec.guarantees ?? [],
    stack: Object.fromEntries(
      Object.entries(entity.spec.stack ?? {}).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    ),
    adoption,
    compliant,
    complianceRatio: adoption ? compliant / adoption : null,
    checks: [],
    drift: {
      'up-to-date': adoption,
      'patch-behind': 0,
      'minor-behind': 0,
      'major-behind': 0,
      ahead: 0,
      unknown: 0,
      deprecated: entity.spec.lifecycle === 'deprecated' ? adoption : 0,
    },
    evaluatedAt: '2025-06-02T08:00:00.000Z',
  };
}
