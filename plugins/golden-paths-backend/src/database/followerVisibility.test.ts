import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { EntityFilter } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import { entityFacts } from '../services/visibility/entityFacts';
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';
import type { StoredComponentResult } from './EvaluationStore';
import {
  pathSummary,
  RUN_STATS,
  upToDate,
} from '../__testUtils__/storedResults';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PATH = 'goldenpath:default/node-http-service';

function follower(
  name: string,
  owner: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', etag: `${name}-1`, ...extra },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${owner}` },
      { type: 'followsGoldenPath', targetRef: PATH },
    ],
  };
}

function pathEntity(): Entity {
  return {
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'node-http-service', namespace: 'default', etag: 'p1' },
    spec: { owner: 'group:default/platform', version: '2.0.0' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
  };
}

function refOf(entity: Entity): string {
  return `${entity.kind}:default/${entity.metadata.name}`.toLowerCase();
}

function resultOf(entity: Entity, compliant: boolean): StoredComponentResult {
  return {
    entityRef: refOf(entity),
    pathRef: PATH,
    drift: upToDate('2.0.0'),
    checks: [
      {
        id: 'owner',
        title: 'Owner',
        status: compliant ? 'pass' : 'fail',
        reason: compliant ? 'Owned.' : 'No owner.',
      },
    ],
    compliant,
    evaluatedAt: new Date('2026-11-20T10:00:00Z'),
  };
}

const OWNED_BY_TEAM_B: EntityFilter = {
  key: 'relations.ownedBy',
  values: ['Group:default/team-b'],
};

describe.each(databases.eachSupportedId())(
  'stored facts and follower intervals (%s)',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let store: DatabaseEvaluationStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseEvaluationStore.create({
        database: { getClient: async () => knex },
      });
    });

    /** One evaluation on `day` with these followers and compliance. */
    async function evaluate(
      day: string,
      followers: Array<[Entity, boolean]>,
    ): Promise<void> {
      const path = pathEntity();
      await store.writeEntityFacts(
        [path, ...followers.map(([e]) => e)].map(e => ({
          entityRef: refOf(e),
          etag: e.metadata.etag,
          facts: entityFacts(e),
        })),
      );
      const runId = await store.startRun();
      await store.writeComponentResults(
        runId,
        followers.map(([e, compliant]) => resultOf(e, compliant)),
      );
      const compliant = followers.filter(([, c]) => c).length;
      await store.completeRun(runId, {
        summaries: [pathSummary(PATH, followers.length, compliant)],
        day,
        stats: RUN_STATS,
      });
    }

    const a = follower('a', 'team-a', { labels: { tier: 'Gold' } });
    const b = follower('b', 'team-b', {
      annotations: { 'example.com/cost-center': 'CC-42' },
    });
    const c = follower('c', 'team-b', { tags: ['java', 'Kafka'] });

    it('counts, lists and pages followers by the facts a filter accepts', async () => {
      await evaluate('2026-11-20', [
        [a, true],
        [b, false],
        [c, true],
      ]);
      const groups = await store.groupFollowerResults(OWNED_BY_TEAM_B);
      expect(groups.map(g => [g.pathRef, g.compliant, g.count]).sort()).toEqual(
        [
          [PATH, false, 1],
          [PATH, true, 1],
        ],
      );

      const list = (filter: EntityFilter, afterEntityRef?: string) =>
        store
          .listFollowers(PATH, { limit: 10, afterEntityRef, visibleTo: filter })
          .then(rows => rows.map(r => r.entityRef));
      expect(await list(OWNED_BY_TEAM_B)).toEqual([
        'component:default/b',
        'component:default/c',
      ]);
      expect(await list(OWNED_BY_TEAM_B, 'component:default/b')).toEqual([
        'component:default/c',
      ]);
      // Keys and values in any case, as the catalog compares them.
      expect(
        await list({ key: 'Metadata.Labels.tier', values: ['gold'] }),
      ).toEqual(['component:default/a']);
      expect(
        await list({ key: 'metadata.annotations.example.com/cost-center' }),
      ).toEqual(['component:default/b']);
      expect(await list({ key: 'metadata.tags.kafka' })).toEqual([
        'component:default/c',
      ]);
      expect(
        await list({ not: { key: 'metadata.tags', values: ['JAVA'] } }),
      ).toEqual(['component:default/a', 'component:default/b']);
      expect(
        await list({
          allOf: [
            { key: 'kind', values: ['component'] },
            { anyOf: [OWNED_BY_TEAM_B, { key: 'metadata.labels.tier' }] },
            { not: { key: 'metadata.name', values: ['c'] } },
          ],
        }),
      ).toEqual(['component:default/a', 'component:default/b']);
      expect(await list({ anyOf: [] })).toEqual([]);
      expect(await list({ allOf: [] })).toHaveLength(3);
      expect(await list({ key: 'kind', values: [] })).toEqual([]);

      expect(
        await store.listPathRefs({ key: 'kind', values: ['goldenpath'] }),
      ).toEqual([PATH]);
      expect(await store.listPathRefs(OWNED_BY_TEAM_B)).toEqual([]);
    });

    it('stores the facts of a whole page of followers at once', async () => {
      const page = Array.from({ length: 500 }, (_, i) =>
        follower(
          `f${String(i).padStart(3, '0')}`,
          i % 10 ? 'team-a' : 'team-b',
        ),
      );
      await evaluate(
        '2026-11-20',
        page.map(e => [e, true]),
      );
      const [group] = await store.groupFollowerResults(OWNED_BY_TEAM_B);
      expect(group.count).toBe(50);
    });

    it('writes an entity’s facts again only when its etag changes', async () => {
      await evaluate('2026-11-20', [[b, true]]);
      const moved = follower('b', 'team-a');
      // Same etag: taken as unchanged, not written.
      await evaluate('2026-11-20', [[moved, true]]);
      expect(await store.groupFollowerResults(OWNED_BY_TEAM_B)).toHaveLength(1);
      // A new version of the entity: its facts are replaced.
      moved.metadata.etag = 'b-2';
      await evaluate('2026-11-20', [[moved, true]]);
      expect(await store.groupFollowerResults(OWNED_BY_TEAM_B)).toEqual([]);
    });

    it('counts history over the visible followers from their intervals', async () => {
      await evaluate('2026-11-20', [
        [a, true],
        [b, false],
        [c, true],
      ]);
      await evaluate('2026-11-21', [
        [a, true],
        [b, true],
        [c, true],
      ]);
      // A later run on the same day replaces the day's state.
      await evaluate('2026-11-22', [
        [a, false],
        [c, false],
      ]);
      await evaluate('2026-11-22', [[a, true]]);

      const everyone = await store.getVisibleHistory(
        PATH,
        '2026-11-01',
        '2026-11-30',
        { allOf: [] },
      );
      expect(everyone).toEqual(
        await store.getHistory(PATH, '2026-11-01', '2026-11-30'),
      );
      const teamB = await store.getVisibleHistory(
        PATH,
        '2026-11-01',
        '2026-11-30',
        OWNED_BY_TEAM_B,
      );
      expect(teamB.map(p => [p.day, p.adoption, p.compliant])).toEqual([
        ['2026-11-20', 2, 1],
        ['2026-11-21', 2, 2],
        // b and c have left the path; their facts stay for the past days.
        ['2026-11-22', 0, 0],
      ]);
      const named = await store.getVisibleHistory(
        PATH,
        '2026-11-21',
        '2026-11-22',
        new Set(['component:default/a']),
      );
      expect(named.map(p => [p.day, p.adoption, p.compliant])).toEqual([
        ['2026-11-21', 1, 1],
        ['2026-11-22', 1, 1],
      ]);
      // One interval per state, none for a state that lasted no day.
      const intervals = await knex('follower_intervals')
        .orderBy(['entity_ref', 'from_day'])
        .select('entity_ref', 'compliant', 'from_day', 'to_day');
      expect(
        intervals.map(i => [
          i.entity_ref.split('/')[1],
          Boolean(i.compliant),
          i.from_day,
          i.to_day ?? null,
        ]),
      ).toEqual([
        ['a', true, '2026-11-20', null],
        ['b', false, '2026-11-20', '2026-11-21'],
        ['b', true, '2026-11-21', '2026-11-22'],
        ['c', true, '2026-11-20', '2026-11-22'],
      ]);
    });

    it('gives no history before intervals were first recorded', async () => {
      await knex('path_history').insert({
        path_ref: PATH,
        day: '2026-11-19',
        adoption: 5,
        compliant: 5,
      });
      expect(
        await store.getVisibleHistory(PATH, '2026-11-01', '2026-11-30', {
          allOf: [],
        }),
      ).toEqual([]);
      await evaluate('2026-11-20', [[a, true]]);
      expect(
        (
          await store.getVisibleHistory(PATH, '2026-11-01', '2026-11-30', {
            allOf: [],
          })
        ).map(p => p.day),
      ).toEqual(['2026-11-20']);
    });

    it('forgets the facts of entities that are neither followers, paths nor in history', async () => {
      const stray = follower('stray', 'team-b');
      await store.writeEntityFacts([
        { entityRef: refOf(stray), etag: 'x', facts: entityFacts(stray) },
      ]);
      await evaluate('2026-11-20', [[a, true]]);
      const refs = await knex('entity_fact_sources')
        .orderBy('entity_ref')
        .pluck('entity_ref');
      expect(refs).toEqual(['component:default/a', PATH]);
      expect(
        await knex('entity_facts')
          .where('entity_ref', 'component:default/stray')
          .count({ n: '*' }),
      ).toEqual([{ n: expect.anything() }]);
      const [{ n }] = await knex('entity_facts')
        .where('entity_ref', 'component:default/stray')
        .count({ n: '*' });
      expect(Number(n)).toBe(0);
    });
  },
);
