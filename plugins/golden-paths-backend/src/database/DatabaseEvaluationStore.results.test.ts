import type { StoredComponentResult } from './EvaluationStore';
import { shareValue } from './sharedJson';
import {
  completedRun,
  component,
  NODE_PATH,
  pathSummary as summary,
  storedResult as result,
  rowsOfRun,
  RUN_STATS as stats,
  SPARK_PATH,
  describeStore,
} from '../__testUtils__/storedResults';

/*
 * What the store keeps of a run: each follower's result as written, pages of a
 * path's followers, path summaries and one history row per path and day.
 */
describeStore('DatabaseEvaluationStore results', bed => {
  it('keeps the last write of an entity within a run', async () => {
    const runId = await bed.store.startRun();
    await bed.store.writeComponentResults(runId, [result('a')]);
    await bed.store.writeComponentResults(runId, [
      result('a', { title: 'second', owner: undefined }),
      result('a', { title: 'third', pathRef: SPARK_PATH, compliant: false }),
    ]);
    await bed.store.completeRun(runId, {
      summaries: [],
      day: '2026-11-26',
      stats,
    });

    expect(await rowsOfRun(bed.knex, runId)).toBe(1);
    expect(await bed.store.getComponentResult(component('a'))).toEqual(
      result('a', { title: 'third', pathRef: SPARK_PATH, compliant: false }),
    );
    expect(await bed.store.listFollowers(NODE_PATH, { limit: 10 })).toEqual([]);
  });

  it('round-trips checks, drift and optional fields', async () => {
    const full = result('full', {
      drift: {
        status: 'major-behind',
        currentVersion: '1.0.0',
        latestVersion: '2.1.0',
        deprecated: true,
        replacedBy: 'goldenpath:default/node-http-service-v2',
      },
      checks: [
        {
          id: 'resource-requests',
          title: 'Resource requests',
          status: 'fail',
          reason: 'no `resources.requests` in k8s/deployment.yaml — «ü»',
          fix: 'Add requests:\n  cpu: 100m',
        },
        { id: 'sbom', title: 'SBOM', status: 'unknown', reason: '"?"' },
      ],
      compliant: false,
      evaluatedAt: new Date('2026-01-02T03:04:05.678Z'),
    });
    const bare: StoredComponentResult = {
      entityRef: component('bare'),
      pathRef: NODE_PATH,
      drift: { status: 'unknown', latestVersion: '2.1.0', deprecated: false },
      checks: [],
      compliant: true,
      evaluatedAt: new Date('2026-11-26T00:00:00.000Z'),
    };
    await completedRun(bed.store, [full, bare]);

    const stored = await bed.store.getComponentResult(component('full'));
    expect(stored).toEqual(full);
    expect(stored!.evaluatedAt).toBeInstanceOf(Date);
    const storedBare = await bed.store.getComponentResult(component('bare'));
    expect(storedBare).toStrictEqual(bare);
  });

  it('stores each follower of a batch with its own fields, also where followers share checks and drift', async () => {
    // Marked shared as the evaluation marks the results it gives to many.
    const sharedChecks = shareValue([
      {
        id: 'ci',
        title: 'CI',
        status: 'fail' as const,
        reason: 'no "ci" {file}, \\ NULL',
        fix: 'Add one, e.g. {"a": [1, 2]}',
      },
    ]);
    const sharedDrift = shareValue({
      status: 'patch-behind' as const,
      currentVersion: '2.1.0-rc.2',
      latestVersion: '2.1.0',
      deprecated: false,
    });
    const early = new Date('2026-11-26T09:00:00.000Z');
    const late = new Date('2026-11-26T11:00:00.000Z');
    const results = [
      result('a', { checks: sharedChecks, drift: sharedDrift }),
      result('b', {
        checks: sharedChecks,
        drift: sharedDrift,
        title: 'NULL',
        owner: undefined,
        compliant: false,
        evaluatedAt: late,
      }),
      result('c', {
        checks: sharedChecks,
        title: 'with "quotes", {braces} and \\ back\\slashes',
        lifecycle: undefined,
        entityEtag: undefined,
        evaluatedAt: early,
      }),
      result('d', { checks: [...sharedChecks], drift: { ...sharedDrift } }),
      result('e', { title: 'Zürich ✓ 日本 \u{1F680}' }),
    ];
    await completedRun(bed.store, results);

    expect(
      await bed.store.getComponentResults(results.map(r => r.entityRef)),
    ).toEqual(expect.arrayContaining(results));
    const b = await bed.store.getComponentResult(component('b'));
    expect(b?.title).toBe('NULL');
    expect(b).not.toHaveProperty('owner');
    expect(await rowsOfRun(bed.knex, await currentRunId())).toBe(5);
  });

  it('stores a title holding a lone UTF-16 surrogate', async () => {
    await completedRun(bed.store, [
      result('a', { title: 'half \ud83d of a pair' }),
    ]);

    const title = (await bed.store.getComponentResult(component('a')))?.title;
    // PostgreSQL holds UTF-8, which has no lone surrogates: U+FFFD, as the
    // driver always sent it; SQLite gives back its own replacement.
    expect(title).toMatch(
      bed.databaseId.startsWith('POSTGRES')
        ? /^half \ufffd of a pair$/
        : /^half .+ of a pair$/,
    );
  });

  async function currentRunId(): Promise<number> {
    return (await bed.store.getCurrentRun())!.id;
  }

  it('pages through followers of a path', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    await completedRun(bed.store, [
      ...names.map(n => result(n)),
      result('h', { pathRef: SPARK_PATH }),
      result('b-spark', { pathRef: SPARK_PATH }),
    ]);

    const refs = async (options: {
      limit: number;
      afterEntityRef?: string;
      entityRefs?: string[];
    }) =>
      (await bed.store.listFollowers(NODE_PATH, options)).map(r => r.entityRef);

    expect(await refs({ limit: 3 })).toEqual(['a', 'b', 'c'].map(component));
    expect(await refs({ limit: 3, afterEntityRef: component('c') })).toEqual(
      ['d', 'e', 'f'].map(component),
    );
    expect(await refs({ limit: 3, afterEntityRef: component('f') })).toEqual([
      component('g'),
    ]);
    expect(await refs({ limit: 3, afterEntityRef: component('g') })).toEqual(
      [],
    );
    expect(await refs({ limit: 0 })).toEqual([]);

    const restricted = ['g', 'b', 'h', 'e', 'nope', 'b-spark', 'a'].map(
      component,
    );
    expect(await refs({ limit: 2, entityRefs: restricted })).toEqual(
      ['a', 'b'].map(component),
    );
    expect(
      await refs({
        limit: 2,
        entityRefs: restricted,
        afterEntityRef: component('b'),
      }),
    ).toEqual(['e', 'g'].map(component));
    expect(
      await refs({
        limit: 2,
        entityRefs: restricted,
        afterEntityRef: component('g'),
      }),
    ).toEqual([]);
    expect(await refs({ limit: 10, entityRefs: [] })).toEqual([]);
  });

  it('pages through many followers restricted to many entities', async () => {
    const names = Array.from(
      { length: 1300 },
      (_, i) => `svc-${String(i).padStart(4, '0')}`,
    );
    const runId = await bed.store.startRun();
    await bed.store.writeComponentResults(
      runId,
      names.map((n, i) =>
        result(n, { pathRef: i % 3 === 0 ? SPARK_PATH : NODE_PATH }),
      ),
    );
    await bed.store.completeRun(runId, {
      summaries: [],
      day: '2026-11-26',
      stats,
    });
    expect(await rowsOfRun(bed.knex, runId)).toBe(1300);

    // Every other entity is visible, handed over in no particular order.
    const visible = names
      .filter((_, i) => i % 2 === 0)
      .map(component)
      .reverse();
    const expected = names
      .filter((_, i) => i % 2 === 0 && i % 3 !== 0)
      .map(component);

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await bed.store.listFollowers(NODE_PATH, {
        limit: 150,
        afterEntityRef: after,
        entityRefs: visible,
      });
      if (page.length === 0) {
        break;
      }
      expect(page.length).toBeLessThanOrEqual(150);
      seen.push(...page.map(r => r.entityRef));
      after = page[page.length - 1].entityRef;
    }
    expect(seen).toEqual(expected);

    const all = await bed.store.getComponentResults([
      ...names.map(component),
      component('missing'),
    ]);
    expect(all).toHaveLength(1300);
    expect(new Set(all.map(r => r.entityRef)).size).toBe(1300);
  });

  it('lists path summaries of the current run only', async () => {
    await completedRun(
      bed.store,
      [result('a')],
      [summary(SPARK_PATH, 0, 0), summary(NODE_PATH, 1, 1)],
    );
    expect((await bed.store.listPathSummaries()).map(s => s.ref)).toEqual([
      NODE_PATH,
      SPARK_PATH,
    ]);
    expect(await bed.store.getPathSummary(SPARK_PATH)).toEqual(
      summary(SPARK_PATH, 0, 0),
    );

    await completedRun(
      bed.store,
      [result('a')],
      [summary(NODE_PATH, 1, 0, '2026-11-27T10:00:00.000Z')],
    );
    expect(await bed.store.listPathSummaries()).toEqual([
      summary(NODE_PATH, 1, 0, '2026-11-27T10:00:00.000Z'),
    ]);
    expect(await bed.store.getPathSummary(SPARK_PATH)).toBeUndefined();
  });

  it('keeps one history row per path and day', async () => {
    await completedRun(
      bed.store,
      [],
      [summary(NODE_PATH, 4, 1), summary(SPARK_PATH, 0, 0)],
      '2026-11-24',
    );
    await completedRun(bed.store, [], [summary(NODE_PATH, 5, 2)], '2026-11-25');
    await completedRun(bed.store, [], [summary(NODE_PATH, 6, 3)], '2026-11-26');
    // A second run the same day overwrites that day.
    await completedRun(bed.store, [], [summary(NODE_PATH, 8, 6)], '2026-11-26');

    expect(
      await bed.store.getHistory(NODE_PATH, '2026-11-01', '2026-11-30'),
    ).toEqual([
      { day: '2026-11-24', adoption: 4, compliant: 1, complianceRatio: 0.25 },
      { day: '2026-11-25', adoption: 5, compliant: 2, complianceRatio: 0.4 },
      { day: '2026-11-26', adoption: 8, compliant: 6, complianceRatio: 0.75 },
    ]);
    expect(
      await bed.store.getHistory(NODE_PATH, '2026-11-25', '2026-11-25'),
    ).toEqual([
      { day: '2026-11-25', adoption: 5, compliant: 2, complianceRatio: 0.4 },
    ]);
    expect(
      await bed.store.getHistory(NODE_PATH, '2026-11-27', '2026-12-31'),
    ).toEqual([]);
    // A path without followers has no compliance ratio.
    expect(
      await bed.store.getHistory(SPARK_PATH, '2026-11-01', '2026-11-30'),
    ).toEqual([
      { day: '2026-11-24', adoption: 0, compliant: 0, complianceRatio: null },
    ]);
  });
});
