import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CheckStatus,
  DriftStatus,
} from '@golden-paths/golden-paths-common';

const fixtures = join(__dirname, '../services/checks/__fixtures__');

function fixture(path: string): string {
  return readFileSync(join(fixtures, path), 'utf8');
}

/** A GoldenPath of the conditional-permissions fixture. */
export interface FixturePath {
  name: string;
  title: string;
  owner: string;
  lifecycle: 'supported' | 'deprecated';
  category: string;
  version: string;
  guarantees: string[];
  replacedBy?: string;
  labels?: Record<string, string>;
}

/**
 * A component of the conditional-permissions fixture, with what an
 * evaluation must find (worked out by hand from its repository and
 * versions, so that tests never take figures from the implementation).
 */
export interface FixtureFollower {
  name: string;
  title: string;
  /** The name of the path it follows (default namespace). */
  path: string;
  version: string;
  owner: string;
  /** `metadata.labels`. */
  labels: Record<string, string>;
  /** Carries the `golden-paths.test/embargoed` annotation. */
  embargoed: boolean;
  /** `spec.system`. */
  system: string;
  /**
   * The CI workflow and Kubernetes manifests of the node template (passes
   * ci and resource-requests), or a README only (fails both, and sbom).
   */
  equipped: boolean;
  /** The status of each of its path's checks. */
  checks: Record<string, CheckStatus>;
  drift: DriftStatus;
}

/** The annotation the label-and-annotation policy hides components by. */
export const EMBARGO_ANNOTATION = 'golden-paths.test/embargoed';

/**
 * Three paths: a supported one, a deprecated one it replaces, and one
 * labelled `confidentiality: restricted` (which the label policy hides).
 */
export const CONDITIONAL_PATHS: FixturePath[] = [
  {
    name: 'andromeda-web',
    title: 'Andromeda web service',
    owner: 'group:default/team-a',
    lifecycle: 'supported',
    category: 'service',
    version: '3.2.0',
    guarantees: ['owner', 'ci', 'resource-requests'],
  },
  {
    name: 'cassiopeia-legacy',
    title: 'Cassiopeia legacy service',
    owner: 'group:default/team-a',
    lifecycle: 'deprecated',
    category: 'service',
    version: '1.4.0',
    guarantees: ['owner'],
    replacedBy: 'goldenpath:default/andromeda-web',
  },
  {
    name: 'polaris-vault',
    title: 'Polaris vault service',
    owner: 'group:default/team-c',
    lifecycle: 'supported',
    category: 'network-function',
    version: '4.2.0',
    guarantees: ['owner', 'sbom'],
    labels: { confidentiality: 'restricted' },
  },
];

const webChecks = (ci: CheckStatus, owner: CheckStatus = 'pass') => ({
  owner,
  ci,
  'resource-requests': ci,
});

/**
 * Nine followers, each readable by a different set of the policies of
 * `conditionalPolicy.ts` (by owner, label, embargo annotation and system).
 */
export const CONDITIONAL_FOLLOWERS: FixtureFollower[] = [
  {
    name: 'orion-storefront',
    title: 'Orion storefront',
    path: 'andromeda-web',
    version: '3.2.0',
    owner: 'group:default/team-b',
    labels: { visibility: 'internal' },
    embargoed: false,
    system: 'payments',
    equipped: true,
    checks: webChecks('pass'),
    drift: 'up-to-date',
  },
  {
    name: 'lyra-checkout',
    title: 'Lyra checkout',
    path: 'andromeda-web',
    version: '3.0.0',
    owner: 'group:default/team-a',
    labels: { visibility: 'internal' },
    embargoed: true,
    system: 'payments',
    equipped: false,
    checks: webChecks('fail'),
    drift: 'minor-behind',
  },
  {
    name: 'vega-payroll',
    title: 'Vega payroll engine',
    path: 'andromeda-web',
    version: '2.7.3',
    owner: 'group:default/team-a',
    labels: { visibility: 'confidential' },
    embargoed: false,
    system: 'hr',
    equipped: false,
    checks: webChecks('fail'),
    drift: 'major-behind',
  },
  {
    name: 'atlas-invoicing',
    title: 'Atlas invoicing',
    path: 'andromeda-web',
    version: '3.1.0',
    owner: 'group:default/team-b',
    labels: { visibility: 'internal' },
    embargoed: false,
    system: 'billing',
    equipped: true,
    checks: webChecks('pass'),
    drift: 'minor-behind',
  },
  {
    name: 'nova-ledger',
    title: 'Nova ledger',
    path: 'andromeda-web',
    version: '3.1.5',
    // Owned by a person: fails the owner check.
    owner: 'user:default/owner-reader',
    labels: {},
    embargoed: false,
    system: 'payments',
    equipped: false,
    checks: webChecks('fail', 'fail'),
    drift: 'minor-behind',
  },
  {
    name: 'rigel-reports',
    title: 'Rigel reports',
    path: 'cassiopeia-legacy',
    version: '1.4.0',
    owner: 'group:default/team-b',
    labels: { visibility: 'internal' },
    embargoed: false,
    system: 'reporting',
    equipped: false,
    checks: { owner: 'pass' },
    drift: 'up-to-date',
  },
  {
    name: 'deneb-audit',
    title: 'Deneb audit trail',
    path: 'cassiopeia-legacy',
    version: '1.1.0',
    owner: 'group:default/team-a',
    labels: { visibility: 'confidential' },
    embargoed: false,
    system: 'payments',
    equipped: false,
    checks: { owner: 'pass' },
    drift: 'minor-behind',
  },
  {
    name: 'sirius-keystore',
    title: 'Sirius keystore',
    path: 'polaris-vault',
    version: '4.1.0',
    owner: 'group:default/team-b',
    labels: { visibility: 'internal' },
    embargoed: false,
    system: 'payments',
    equipped: false,
    checks: { owner: 'pass', sbom: 'fail' },
    drift: 'minor-behind',
  },
  {
    name: 'altair-secrets',
    title: 'Altair secrets broker',
    path: 'polaris-vault',
    version: '4.0.0',
    owner: 'group:default/team-c',
    labels: { visibility: 'restricted' },
    embargoed: false,
    system: 'vault',
    equipped: false,
    checks: { owner: 'pass', sbom: 'fail' },
    drift: 'minor-behind',
  },
];

/**
 * A component readable under every policy whose path does not exist: what
 * a follower of a path the caller may not read must look like.
 */
export const ORPHAN_FOLLOWER = {
  name: 'mira-orphan',
  title: 'Mira orphan',
  path: 'retired-path',
  version: '1.0.0',
  owner: 'group:default/team-b',
  labels: { visibility: 'internal' },
  embargoed: false,
  system: 'payments',
} as const;

/**
 * The users of `conditionalPolicy.ts`, in teams a, b and c. Only who owns
 * what matters to the policies; membership is there for realism.
 */
export const CONDITIONAL_USER_NAMES = [
  'admin',
  'owner-reader',
  'owner-viewer',
  'label-reader',
  'label-viewer',
  'system-reader',
  'system-viewer',
  'no-insights',
  'no-paths',
] as const;

function yamlMap(values: Record<string, string>, indent: string): string {
  return Object.entries(values)
    .map(([key, value]) => `${indent}${key}: ${JSON.stringify(value)}\n`)
    .join('');
}

/** Groups team-a, team-b, team-c and the users of the policies. */
export const CONDITIONAL_ORG_YAML = [
  ...['team-a', 'team-b', 'team-c'].map(
    team => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${team} }
spec: { type: team, children: [] }
`,
  ),
  ...CONDITIONAL_USER_NAMES.map(
    user => `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ${user} }
spec: { memberOf: [${user === 'admin' ? 'team-a' : 'team-b'}] }
`,
  ),
].join('---\n');

/** The three paths of {@link CONDITIONAL_PATHS}. */
export const CONDITIONAL_PATHS_YAML = CONDITIONAL_PATHS.map(
  path => `apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: ${path.name}
  title: ${JSON.stringify(path.title)}
${path.labels ? `  labels:\n${yamlMap(path.labels, '    ')}` : ''}spec:
  owner: ${path.owner}
  lifecycle: ${path.lifecycle}
  category: ${path.category}
  version: ${path.version}
${
  path.replacedBy ? `  replacedBy: ${path.replacedBy}\n` : ''
}  guarantees: [${path.guarantees.join(', ')}]
`,
).join('---\n');

/** What a follower's catalog-info.yaml says of it. */
type CataloguedFollower = Omit<
  FixtureFollower,
  'equipped' | 'checks' | 'drift'
>;

function catalogInfo(follower: CataloguedFollower): string {
  const labels = Object.keys(follower.labels).length
    ? `  labels:\n${yamlMap(follower.labels, '    ')}`
    : '';
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${follower.name}
  title: ${JSON.stringify(follower.title)}
${labels}  annotations:
    golden-paths.dev/path: goldenpath:default/${follower.path}
    golden-paths.dev/path-version: ${JSON.stringify(follower.version)}
${follower.embargoed ? `    ${EMBARGO_ANNOTATION}: "true"\n` : ''}spec:
  type: service
  lifecycle: production
  owner: ${follower.owner}
  system: ${follower.system}
`;
}

/**
 * One folder per follower (and the orphan), each with its
 * catalog-info.yaml; equipped followers get the node template's CI
 * workflow and Kubernetes manifests. No folder is a git repository, so
 * upgrade plans answer with a reason rather than a plan.
 */
export function conditionalRepositories(): Record<
  string,
  Record<string, string>
> {
  const repositories: Record<string, Record<string, string>> = {};
  for (const follower of CONDITIONAL_FOLLOWERS) {
    repositories[follower.name] = {
      'catalog-info.yaml': catalogInfo(follower),
      ...(follower.equipped
        ? {
            '.github/workflows/ci.yaml': fixture(
              'node-http-service/.github/workflows/ci.yaml',
            ),
            'k8s/deployment.yaml': fixture(
              'node-http-service/k8s/deployment.yaml',
            ),
          }
        : { 'README.md': `# ${follower.name}\n` }),
    };
  }
  repositories[ORPHAN_FOLLOWER.name] = {
    'catalog-info.yaml': catalogInfo({
      ...ORPHAN_FOLLOWER,
      labels: { ...ORPHAN_FOLLOWER.labels },
    }),
  };
  return repositories;
}
