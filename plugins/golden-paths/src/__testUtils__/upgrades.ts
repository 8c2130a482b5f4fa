import type {
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';

/** Test data of the upgrade tests: a plan and its result. */

export const ORDERS_API = 'component:default/orders-api';

export function upgradePlan(overrides: Partial<UpgradePlan> = {}): UpgradePlan {
  return {
    entityRef: ORDERS_API,
    path: {
      entityRef: 'goldenpath:default/node-http-service',
      title: 'Node.js HTTP service on Kubernetes',
    },
    fromVersion: '2.0.0',
    toVersion: '2.1.0',
    mode: 'merge',
    files: [
      {
        path: '.github/workflows/ci.yaml',
        outcome: 'taken',
        flagged: false,
        detail: 'Changed only by the template: its version is taken.',
      },
      {
        path: 'src/server.ts',
        outcome: 'conflict',
        flagged: true,
        detail:
          'Changed on both sides in the same lines: resolve the conflict markers.',
      },
      {
        path: 'k8s/deployment.yaml',
        previousPath: 'deploy/deployment.yaml',
        outcome: 'renamed',
        flagged: false,
        detail: 'Renamed by the template; your edits follow the new name.',
      },
    ],
    summary: { changed: 3, conflicts: 1, flagged: 1 },
    delivery: {
      kind: 'local-branch',
      branch: 'golden-paths/upgrade-node-http-service',
      repository: '/var/repos/orders-api',
    },
    releaseNotes: '## What changed\n\n- Node.js **22** base image',
    timings: { renderMs: 120, mergeMs: 40 },
    ...overrides,
  };
}

export function upgradeResult(
  plan: UpgradePlan = upgradePlan(),
  delivery: Partial<UpgradeResult['delivery']> = {},
): UpgradeResult {
  return {
    plan,
    delivery: {
      ...plan.delivery,
      commit: '3f9c2e1d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
      ...delivery,
    },
  };
}
