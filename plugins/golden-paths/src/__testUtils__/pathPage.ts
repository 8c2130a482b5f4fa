import type {
  FollowerResult,
  HistoryPoint,
  PathDetails,
} from '@golden-paths/golden-paths-common';
import { goldenPathEntity } from './goldenPathEntity';

/** Test data of the path page's tests: a path, its figures and followers. */

export const nodePath = goldenPathEntity(
  'node-http-service',
  {
    version: '2.1.0',
    templates: ['template:default/node-http-service'],
    stack: {
      language: 'TypeScript',
      runtime: 'Node.js 22',
      ci: 'GitHub Actions',
    },
    guarantees: ['owner', 'ci', 'sbom'],
    steps: [
      {
        title: 'Scaffold the service',
        description: 'Open **Create** and run `npm ci`.',
      },
      { title: 'Ship it', description: '- build\n- deploy' },
    ],
  },
  {
    title: 'Node.js HTTP service on Kubernetes',
    description: 'Fastify service with OpenTelemetry, signed images and HPA.',
    tags: ['nodejs', 'http'],
    links: [{ title: 'Fastify documentation', url: 'https://fastify.dev/' }],
  },
);

export const legacyPath = goldenPathEntity(
  'node-express-legacy',
  {
    lifecycle: 'deprecated',
    version: '1.6.0',
    replacedBy: 'goldenpath:default/node-http-service',
    guarantees: ['owner'],
  },
  {
    title: 'Node.js 18 Express service (legacy)',
    description: 'The old way.',
  },
);

export const nodeTemplate = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'node-http-service',
    namespace: 'default',
    title: 'Node.js HTTP service',
    description: 'Creates a Fastify service.',
  },
  spec: { type: 'service', steps: [] },
};

export const nodeDetails: PathDetails = {
  ref: 'goldenpath:default/node-http-service',
  namespace: 'default',
  name: 'node-http-service',
  title: 'Node.js HTTP service on Kubernetes',
  tags: [],
  owner: 'group:default/platform-team',
  lifecycle: 'supported',
  category: 'service',
  version: '2.1.0',
  templates: ['template:default/node-http-service'],
  guarantees: ['owner', 'ci', 'sbom'],
  stack: {},
  adoption: 12,
  compliant: 9,
  complianceRatio: 0.75,
  checks: [
    {
      id: 'owner',
      title: 'Owned',
      pass: 12,
      fail: 0,
      unknown: 0,
      passRatio: 1,
    },
    {
      id: 'ci',
      title: 'Continuous integration',
      pass: 10,
      fail: 1,
      unknown: 1,
      passRatio: 10 / 12,
    },
    {
      id: 'sbom',
      title: 'SBOM',
      pass: 9,
      fail: 3,
      unknown: 0,
      passRatio: 0.75,
    },
  ],
  drift: {
    'up-to-date': 7,
    'patch-behind': 1,
    'minor-behind': 2,
    'major-behind': 1,
    ahead: 0,
    unknown: 1,
    deprecated: 0,
  },
  evaluatedAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
  versions: [
    { version: '1.9.0', count: 1 },
    { version: '2.1.0', count: 7 },
    { version: '2.0.3', count: 3 },
  ],
};

/** A follower's check that passes. */
export const ownerPasses: FollowerResult['checks'][number] = {
  id: 'owner',
  title: 'Owned',
  status: 'pass',
  reason: 'ok',
};

/** A follower's check that fails, with its fix. */
export const sbomFails: FollowerResult['checks'][number] = {
  id: 'sbom',
  title: 'SBOM',
  status: 'fail',
  reason: 'no SBOM step in ci.yaml',
  fix: 'add anchore/sbom-action',
};

export function follower(
  name: string,
  overrides: Partial<FollowerResult> = {},
): FollowerResult {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    owner: 'group:default/team-a',
    pathRef: 'goldenpath:default/node-http-service',
    drift: {
      status: 'up-to-date',
      currentVersion: '2.1.0',
      latestVersion: '2.1.0',
      deprecated: false,
    },
    checks: [
      {
        id: 'owner',
        title: 'Owned',
        status: 'pass',
        reason: 'owned by team-a',
      },
      {
        id: 'ci',
        title: 'Continuous integration',
        status: 'pass',
        reason: 'ci.yaml',
      },
    ],
    compliant: true,
    evaluatedAt: new Date().toISOString(),
    ...overrides,
  };
}

export const history: HistoryPoint[] = [
  { day: '2025-03-01', adoption: 4, compliant: 2, complianceRatio: 0.5 },
  { day: '2025-03-02', adoption: 8, compliant: 6, complianceRatio: 0.75 },
  { day: '2025-03-03', adoption: 12, compliant: 9, complianceRatio: 0.75 },
];
