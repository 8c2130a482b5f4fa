import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import type {
  EvaluationStore,
  StoredComponentResult,
} from '../../database/EvaluationStore';
import type { RepositoryReader } from '../repositories/RepositoryReader';
import { CheckRegistry } from './CheckRegistry';
import { EvaluationService } from './EvaluationService';
import { upToDate } from '../../__testUtils__/storedResults';

jest.setTimeout(60_000);

const PATH: Entity = {
  apiVersion: 'golden-paths.dev/v1alpha1',
  kind: 'GoldenPath',
  metadata: { name: 'node-http-service', namespace: 'default' },
  spec: {
    owner: 'group:default/team-a',
    lifecycle: 'supported',
    category: 'service',
    version: '2.1.0',
    guarantees: [],
  },
};
const PATH_REF = 'goldenpath:default/node-http-service';

function follower(
  name: string,
  options: { version?: string; title?: string; owner?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      etag: `etag-${name}`,
      ...(options.title ? { title: options.title } : {}),
      annotations: {
        'golden-paths.dev/path': PATH_REF,
        ...(options.version
          ? { 'golden-paths.dev/path-version': options.version }
          : {}),
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'team-a',
    },
  };
}

/** A catalog serving the path, team-a and the followers in pages of `pageSize`. */
function catalogOf(followers: Entity[], pageSize = 500) {
  const requests: string[] = [];
  const catalog = {
    async queryEntities(request: {
      filter?: Record<string, unknown>;
      cursor?: string;
    }) {
      const [set, offset] = request.cursor
        ? (JSON.parse(request.cursor) as [string, number])
        : [JSON.stringify(request.filter), 0];
      requests.push(`${set}@${offset}`);
      const filter = JSON.parse(set) as Record<string, unknown>;
      let all: Entity[] = [];
      if (filter.kind === 'goldenpath') {
        all = [PATH];
      } else if (Array.isArray(filter.kind)) {
        all = [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'team-a', namespace: 'default' },
          },
        ];
      } else if (filter['relations.followsGoldenPath'] === PATH_REF) {
        all = followers;
      }
      const items = all.slice(offset, offset + pageSize);
      const next = offset + pageSize;
      return {
        items: structuredClone(items),
        pageInfo:
          next < all.length ? { nextCursor: JSON.stringify([set, next]) } : {},
      };
    },
  };
  return { catalog: catalog as unknown as CatalogService, requests };
}

/** A store that keeps what the evaluation wrote. */
function storeStandIn(options: {
  writeComponentResults?: (results: StoredComponentResult[]) => Promise<void>;
}) {
  const written: StoredComponentResult[] = [];
  const calls: string[] = [];
  const store = {
    listPathSummaries: async () => [],
    startRun: async () => 7,
    writeEntityFacts: async () => undefined,
    writeComponentResults: async (
      runId: number,
      results: StoredComponentResult[],
    ) => {
      expect(runId).toBe(7);
      await options.writeComponentResults?.(results);
      written.push(...results);
    },
    completeRun: jest.fn(async () => {
      calls.push('completeRun');
    }),
    failRun: jest.fn(async () => {
      calls.push('failRun');
    }),
  };
  return {
    store: store as unknown as EvaluationStore,
    written,
    calls,
    completeRun: store.completeRun,
    failRun: store.failRun,
  };
}

function serviceWith(options: {
  catalog: CatalogService;
  store: EvaluationStore;
  checks: GoldenPathCheck[];
}) {
  return new EvaluationService({
    catalog: options.catalog,
    auth: mockServices.auth(),
    store: options.store,
    repositories: {
      read: async () => new Map(),
    } as unknown as RepositoryReader,
    checks: new CheckRegistry([], options.checks),
    logger: mockServices.logger.mock(),
    maxReadsPerRun: 10,
  });
}

function check(
  id: string,
  evaluate: GoldenPathCheck['evaluate'],
): GoldenPathCheck {
  return { id, title: `Check ${id}`, description: id, evaluate };
}

function byRef(results: StoredComponentResult[]) {
  return new Map(results.map(r => [r.entityRef, r]));
}

describe('EvaluationService', () => {
  it('stores the verdicts of synchronous and asynchronous checks, and unknown for a check that throws or rejects', async () => {
    const { catalog } = catalogOf([follower('orders', { version: '2.1.0' })]);
    const { store, written, completeRun } = storeStandIn({});
    const service = serviceWith({
      catalog,
      store,
      checks: [
        check('sync', ({ entity }) => ({
          status: 'pass',
          reason: `${entity.metadata.name} passes`,
        })),
        check('async', async () => ({
          status: 'fail',
          reason: 'it fails later',
          fix: 'Fix it.',
        })),
        check('throws', () => {
          throw new Error('no good');
        }),
        check('rejects', async () => {
          throw new Error('not later either');
        }),
      ],
    });

    const stats = await service.evaluate();

    expect(stats.components).toBe(1);
    expect(written).toHaveLength(1);
    expect(written[0].checks).toEqual([
      {
        id: 'sync',
        title: 'Check sync',
        status: 'pass',
        reason: 'orders passes',
      },
      {
        id: 'async',
        title: 'Check async',
        status: 'fail',
        reason: 'it fails later',
        fix: 'Fix it.',
      },
      {
        id: 'throws',
        title: 'Check throws',
        status: 'unknown',
        reason: 'the check could not be evaluated: Error: no good',
      },
      {
        id: 'rejects',
        title: 'Check rejects',
        status: 'unknown',
        reason: 'the check could not be evaluated: Error: not later either',
      },
    ]);
    expect(written[0].compliant).toBe(false);
    expect(completeRun).toHaveBeenCalledTimes(1);
  });

  it('stores followers that share check results and drift each with their own fields', async () => {
    const followers = [
      follower('orders', { version: '2.1.0', title: 'Orders' }),
      follower('billing', { version: '2.1.0', owner: 'group:default/Team-B' }),
      follower('ledger', { version: '2.0.0' }),
      follower('refunds'),
    ];
    const { catalog } = catalogOf(followers, 3);
    const { store, written } = storeStandIn({});
    const service = serviceWith({
      catalog,
      store,
      checks: [
        check('owner', () => ({ status: 'pass', reason: 'owned' })),
        check('version', ({ entity }) =>
          entity.metadata.annotations?.['golden-paths.dev/path-version']
            ? { status: 'pass', reason: 'has a version' }
            : { status: 'fail', reason: 'no version', fix: 'Add one.' },
        ),
      ],
    });

    await service.evaluate();

    const results = byRef(written);
    expect([...results.keys()].sort()).toEqual([
      'component:default/billing',
      'component:default/ledger',
      'component:default/orders',
      'component:default/refunds',
    ]);
    const orders = results.get('component:default/orders')!;
    const billing = results.get('component:default/billing')!;
    const ledger = results.get('component:default/ledger')!;
    const refunds = results.get('component:default/refunds')!;
    expect(orders).toEqual({
      entityRef: 'component:default/orders',
      pathRef: PATH_REF,
      title: 'Orders',
      owner: 'group:default/team-a',
      type: 'service',
      lifecycle: 'production',
      drift: upToDate('2.1.0'),
      checks: [
        { id: 'owner', title: 'Check owner', status: 'pass', reason: 'owned' },
        {
          id: 'version',
          title: 'Check version',
          status: 'pass',
          reason: 'has a version',
        },
      ],
      compliant: true,
      entityEtag: 'etag-orders',
      evaluatedAt: expect.any(Date),
    });
    expect(billing).toEqual({
      ...orders,
      entityRef: 'component:default/billing',
      title: undefined,
      owner: 'group:default/team-b',
      entityEtag: 'etag-billing',
      evaluatedAt: expect.any(Date),
    });
    expect(billing).not.toHaveProperty('title');
    expect(ledger.checks).toEqual(orders.checks);
    expect(ledger.drift).toEqual({
      status: 'minor-behind',
      currentVersion: '2.0.0',
      latestVersion: '2.1.0',
      deprecated: false,
    });
    expect(refunds.compliant).toBe(false);
    expect(refunds.checks[1]).toEqual({
      id: 'version',
      title: 'Check version',
      status: 'fail',
      reason: 'no version',
      fix: 'Add one.',
    });
    expect(refunds.drift).toEqual({
      status: 'unknown',
      latestVersion: '2.1.0',
      deprecated: false,
    });
  });

  it('writes a page while the next one is evaluated, one page of a path at a time', async () => {
    const followers = Array.from({ length: 9 }, (_, i) => follower(`svc-${i}`));
    const { catalog } = catalogOf(followers, 3);
    const evaluated: string[] = [];
    const events: string[] = [];
    let writing = 0;
    let mostWritesAtOnce = 0;
    const { store, written, completeRun } = storeStandIn({
      writeComponentResults: async results => {
        writing += 1;
        mostWritesAtOnce = Math.max(mostWritesAtOnce, writing);
        const page = results[0].entityRef;
        events.push(`write ${page}`);
        // Held until the next page is evaluated (the last page's at once),
        // for at most 10 s: a write that held up the next page's read shows
        // in the order of the events below, however busy the machine.
        const next = `svc-${Number(/svc-(\d+)$/.exec(page)![1]) + 3}`;
        const deadline = Date.now() + 10_000;
        while (
          followers.some(f => f.metadata.name === next) &&
          !evaluated.includes(next) &&
          Date.now() < deadline
        ) {
          await new Promise(resolve => setTimeout(resolve, 5));
        }
        events.push(`written ${page}`);
        writing -= 1;
      },
    });
    const service = serviceWith({
      catalog,
      store,
      checks: [
        check('seen', ({ entity }) => {
          evaluated.push(entity.metadata.name);
          events.push(`evaluate ${entity.metadata.name}`);
          return { status: 'pass', reason: 'seen' };
        }),
      ],
    });

    await service.evaluate();

    expect(written).toHaveLength(9);
    expect(mostWritesAtOnce).toBe(1);
    // The second page was evaluated before the first one was written.
    expect(events.indexOf('evaluate svc-3')).toBeLessThan(
      events.indexOf('written component:default/svc-0'),
    );
    expect(events[events.length - 1]).toBe('written component:default/svc-6');
    expect(completeRun).toHaveBeenCalledTimes(1);
  });

  it('fails the run when a write fails, once every write has settled, and never completes it', async () => {
    const followers = Array.from({ length: 9 }, (_, i) => follower(`svc-${i}`));
    const { catalog } = catalogOf(followers, 3);
    let writing = 0;
    let writingWhenFailed: number | undefined;
    let writes = 0;
    const { store, calls, failRun, completeRun } = storeStandIn({
      writeComponentResults: async () => {
        writes += 1;
        writing += 1;
        try {
          await new Promise(resolve => setTimeout(resolve, 50));
          if (writes === 2) {
            throw new Error('disk full');
          }
        } finally {
          writing -= 1;
        }
      },
    });
    (store.failRun as jest.Mock).mockImplementation(async () => {
      writingWhenFailed = writing;
      calls.push('failRun');
    });
    const service = serviceWith({
      catalog,
      store,
      checks: [check('ok', () => ({ status: 'pass', reason: 'ok' }))],
    });

    await expect(service.evaluate()).rejects.toThrow('disk full');

    expect(failRun).toHaveBeenCalledWith(
      7,
      expect.stringContaining('disk full'),
    );
    expect(writingWhenFailed).toBe(0);
    expect(completeRun).not.toHaveBeenCalled();
    expect(calls).toEqual(['failRun']);
  });
});
