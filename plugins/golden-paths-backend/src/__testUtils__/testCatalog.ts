import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(__dirname, '../services/checks/__fixtures__');

function fixture(path: string): string {
  return readFileSync(join(fixtures, path), 'utf8');
}

/**
 * Groups team-a and team-b, users alice (team-a), bob (team-b), carol, dave
 * (team-b).
 */
export const ORG_YAML = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-b }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { memberOf: [team-a] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec: { memberOf: [team-b] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: carol }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: dave }
spec: { memberOf: [team-b] }
`;

/** A supported path at 2.1.0 and a deprecated one replaced by it. */
export const PATHS_YAML = `
apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: node-http-service
  title: Node.js HTTP service
  description: Fastify on Kubernetes.
spec:
  owner: group:default/team-a
  lifecycle: supported
  category: service
  version: 2.1.0
  guarantees: [owner, ci, resource-requests]
---
apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: legacy-service
spec:
  owner: group:default/team-a
  lifecycle: deprecated
  category: service
  version: 1.6.0
  replacedBy: goldenpath:default/node-http-service
  guarantees: [owner]
`;

/** A component's catalog-info.yaml, following `options.path` at `options.version`. */
export function componentYaml(options: {
  name: string;
  owner: string;
  path: string;
  version?: string;
}): string {
  return `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${options.name}
  annotations:
    golden-paths.dev/path: goldenpath:default/${options.path}
${
  options.version
    ? `    golden-paths.dev/path-version: ${options.version}\n`
    : ''
}spec:
  type: service
  lifecycle: production
  owner: ${options.owner}
`;
}

/**
 * The catalog-info.yaml of a team-a component on node-http-service at 2.0.0,
 * one version behind PATHS_YAML, so that an upgrade has something to plan.
 */
export function componentBehindYaml(name: string): string {
  return componentYaml({
    name,
    owner: 'group:default/team-a',
    path: 'node-http-service',
    version: '2.0.0',
  });
}

/**
 * Repositories, each with its catalog-info.yaml:
 * - orders (team-a, 2.1.0): CI and manifests of the real node template → compliant.
 * - billing (team-b, 2.0.0): no CI, no manifests → fails ci and resource-requests.
 * - ledger (team-b, deprecated path): owned by a user → fails owner.
 */
export function testRepositories(): Record<string, Record<string, string>> {
  return {
    orders: {
      'catalog-info.yaml': componentYaml({
        name: 'orders',
        owner: 'group:default/team-a',
        path: 'node-http-service',
        version: '2.1.0',
      }),
      '.github/workflows/ci.yaml': fixture(
        'node-http-service/.github/workflows/ci.yaml',
      ),
      'k8s/deployment.yaml': fixture('node-http-service/k8s/deployment.yaml'),
    },
    billing: {
      'catalog-info.yaml': componentYaml({
        name: 'billing',
        owner: 'group:default/team-b',
        path: 'node-http-service',
        version: '2.0.0',
      }),
      'README.md': '# billing\n',
    },
    ledger: {
      'catalog-info.yaml': componentYaml({
        name: 'ledger',
        owner: 'user:default/bob',
        path: 'legacy-service',
        version: '1.6.0',
      }),
    },
  };
}
