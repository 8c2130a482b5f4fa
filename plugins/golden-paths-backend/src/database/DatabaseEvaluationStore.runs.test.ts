import {
  completedRun,
  component,
  NODE_PATH,
  pathSummary as summary,
  storedResult as result,
  rowsOfRun,
  RUN_STATS as stats,
  describeStore,
} from '../__testUtils__/storedResults';

/*
 * Runs of the store: a run's results are served once it completes, all at once; a failed or
 * abandoned run writes and completes nothing, and the previous run is served meanwhile.
 */
describeStore('DatabaseEvaluationStore runs', bed => {
  it('serves nothing before the first run completes', async () => {
    expect(await bed.store.getCurrentRun()).toBeUndefined();
    expect(await bed.store.listPathSummaries()).toEqual([]);
    expect(await bed.store.getComponentResult(component('a'))).toBeUndefined();
    expect(await bed.store.listFollowers(NODE_PATH, { limit: 10 })).toEqual([]);

    const runId = await bed.store.startRun();
    await bed.store.writeComponentResults(runId, [result('a')]);
    expect(await bed.store.getCurrentRun()).toBeUndefined();
    expect(await bed.store.getComponentResults([component('a')])).toEqual([]);
  });

  it('replaces the results of a run by those of the next one', async () => {
    const first = await completedRun(bed.store, [result('a'), result('b')]);
    const second = await completedRun(bed.store, [
      result('b', { title: 'B again', compliant: false }),
      result('c'),
    ]);

    expect(
      await bed.store.getComponentResults([
        component('a'),
        component('b'),
        component('c'),
      ]),
    ).toEqual(
      expect.arrayContaining([
        result('b', { title: 'B again', compliant: false }),
        result('c'),
      ]),
    );
    expect(await bed.store.getComponentResults([component('a')])).toEqual([]);
    expect(await rowsOfRun(bed.knex, first)).toBe(0);
    expect(await rowsOfRun(bed.knex, second)).toBe(2);

    const current = await bed.store.getCurrentRun();
    expect(current).toEqual({
      id: second,
      status: 'succeeded',
      startedAt: expect.any(Date),
      finishedAt: expect.any(Date),
      stats,
    });
    expect(current!.finishedAt!.getTime()).toBeGreaterThanOrEqual(
      current!.startedAt.getTime(),
    );
    expect(Math.abs(current!.startedAt.getTime() - Date.now())).toBeLessThan(
      60_000,
    );
  });

  it('keeps the last complete run readable while a run is under way', async () => {
    const first = await completedRun(
      bed.store,
      [result('a'), result('b')],
      [summary(NODE_PATH, 2, 2)],
    );

    const running = await bed.store.startRun();
    await bed.store.writeComponentResults(running, [
      result('a', { compliant: false }),
      result('z'),
    ]);

    expect((await bed.store.getCurrentRun())?.id).toBe(first);
    expect(await bed.store.getComponentResult(component('a'))).toEqual(
      result('a'),
    );
    expect(await bed.store.getComponentResult(component('z'))).toBeUndefined();
    expect(
      (await bed.store.listFollowers(NODE_PATH, { limit: 10 })).map(
        r => r.entityRef,
      ),
    ).toEqual([component('a'), component('b')]);
    expect(await bed.store.getPathSummary(NODE_PATH)).toEqual(
      summary(NODE_PATH, 2, 2),
    );

    const runs = await bed.store.listRuns(10);
    expect(runs.map(r => [r.id, r.status])).toEqual([
      [running, 'running'],
      [first, 'succeeded'],
    ]);
    expect(runs[0].finishedAt).toBeUndefined();
    expect(runs[0].stats).toBeUndefined();
  });

  it('abandons a run left running when a later run completes', async () => {
    await completedRun(bed.store, [result('a')]);
    const crashed = await bed.store.startRun();
    await bed.store.writeComponentResults(crashed, [result('x')]);

    const next = await completedRun(bed.store, [result('b')]);

    expect((await bed.store.getCurrentRun())?.id).toBe(next);
    expect(await rowsOfRun(bed.knex, crashed)).toBe(0);
    const [, abandoned] = await bed.store.listRuns(2);
    expect(abandoned).toMatchObject({ id: crashed, status: 'failed' });
    expect(abandoned.error).toContain(`run ${next}`);

    await expect(
      bed.store.writeComponentResults(crashed, [result('y')]),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      bed.store.completeRun(crashed, {
        summaries: [],
        day: '2026-11-26',
        stats,
      }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect((await bed.store.getCurrentRun())?.id).toBe(next);
  });

  it('lets only one of two runs completing at once win', async () => {
    const first = await bed.store.startRun();
    const second = await bed.store.startRun();
    await bed.store.writeComponentResults(first, [result('a')]);
    await bed.store.writeComponentResults(second, [result('b')]);

    const outcomes = await Promise.allSettled(
      [first, second].map(runId =>
        bed.store.completeRun(runId, {
          summaries: [summary(NODE_PATH, runId, 0)],
          day: '2026-11-26',
          stats,
        }),
      ),
    );

    const won = outcomes.filter(o => o.status === 'fulfilled');
    const lost = outcomes.filter(o => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toEqual([
      {
        status: 'rejected',
        reason: expect.objectContaining({ name: 'ConflictError' }),
      },
    ]);
    const winner = outcomes[0].status === 'fulfilled' ? first : second;
    const loser = winner === first ? second : first;
    expect(await bed.store.getCurrentRun()).toMatchObject({
      id: winner,
      status: 'succeeded',
    });
    expect((await bed.store.getPathSummary(NODE_PATH))?.adoption).toBe(winner);
    expect(await rowsOfRun(bed.knex, loser)).toBe(0);
    expect(await rowsOfRun(bed.knex, winner)).toBe(1);
    expect(
      (await bed.store.listRuns(2)).find(r => r.id === loser),
    ).toMatchObject({ status: 'failed' });
  });

  it('deletes what a failed run wrote and keeps serving the previous run', async () => {
    const first = await completedRun(
      bed.store,
      [result('a')],
      [summary(NODE_PATH, 1, 1)],
    );
    const failed = await bed.store.startRun();
    await bed.store.writeComponentResults(failed, [
      result('a', { title: 'changed' }),
      result('b'),
    ]);

    await bed.store.failRun(failed, 'Catalog unavailable');

    expect(await rowsOfRun(bed.knex, failed)).toBe(0);
    expect(await rowsOfRun(bed.knex, first)).toBe(1);
    expect(await bed.store.getComponentResult(component('a'))).toEqual(
      result('a'),
    );
    expect(await bed.store.getCurrentRun()).toMatchObject({ id: first });
    const [latest] = await bed.store.listRuns(1);
    expect(latest).toEqual({
      id: failed,
      status: 'failed',
      startedAt: expect.any(Date),
      finishedAt: expect.any(Date),
      error: 'Catalog unavailable',
    });

    await expect(
      bed.store.writeComponentResults(failed, [result('c')]),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      bed.store.completeRun(failed, {
        summaries: [],
        day: '2026-11-26',
        stats,
      }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('leaves a completed run alone when asked to fail it', async () => {
    const runId = await completedRun(bed.store, [result('a')]);
    await bed.store.failRun(runId, 'too late');
    expect(await bed.store.getCurrentRun()).toMatchObject({
      id: runId,
      status: 'succeeded',
    });
    expect(await rowsOfRun(bed.knex, runId)).toBe(1);
  });

  it('rejects unknown runs', async () => {
    await expect(
      bed.store.writeComponentResults(999_999, [result('a')]),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      bed.store.completeRun(999_999, {
        summaries: [],
        day: '2026-11-26',
        stats,
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(bed.store.failRun(999_999, 'x')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('makes a write wait for a completion that fails its run, and then write nothing', async () => {
    const runId = await bed.store.startRun();
    let updated!: () => void;
    const hasUpdated = new Promise<void>(resolve => {
      updated = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>(resolve => {
      release = resolve;
    });
    // What completing another run does to this one, not yet committed.
    const completing = bed.knex.transaction(async tx => {
      await tx('evaluation_runs')
        .where('id', runId)
        .update({ status: 'failed', error: 'Abandoned' });
      updated();
      await released;
    });
    await hasUpdated;

    let settled = false;
    const write = bed.store.writeComponentResults(runId, [result('a')]);
    write.catch(() => undefined).finally(() => (settled = true));
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(settled).toBe(false);

    release();
    await completing;
    await expect(write).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await rowsOfRun(bed.knex, runId)).toBe(0);
  });

  it('lists runs newest first', async () => {
    const ids = [
      await completedRun(bed.store, []),
      await completedRun(bed.store, []),
      await bed.store.startRun(),
    ];
    expect((await bed.store.listRuns(2)).map(r => r.id)).toEqual([
      ids[2],
      ids[1],
    ]);
    expect((await bed.store.listRuns(10)).map(r => r.id)).toEqual(
      [...ids].reverse(),
    );
  });
});
