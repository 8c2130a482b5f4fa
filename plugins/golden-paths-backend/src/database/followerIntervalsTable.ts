import type { EntityFilter } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import { whereEntityMatches } from './entityFilterQuery';

/** How many followers spent a stretch of days in one state. */
export interface IntervalGroup {
  fromDay: string;
  /** First day no longer in the state; undefined while it lasts. */
  toDay?: string;
  compliant: boolean;
  count: number;
}

/**
 * Moves each follower's interval on to run `runId`'s state as of `day`: a
 * follower whose path or compliance changed, or that is gone, has its open
 * interval closed on `day`, and one whose state is new gets an interval
 * opened on `day`. An unchanged follower costs no write, so the table grows
 * with changes, not with runs. Runs later on the same day replace the
 * day's state: an interval opened and closed on one day never counted for
 * any day and is deleted, and one closed earlier that day goes on when the
 * follower is back in its state.
 */
export async function recordFollowerIntervals(
  tx: Knex.Transaction,
  runId: number,
  day: string,
): Promise<void> {
  const sameState = (interval: string) =>
    tx('component_results as c')
      .select(tx.raw('1'))
      .where('c.run_id', runId)
      .whereRaw('?? = ??', ['c.entity_ref', `${interval}.entity_ref`])
      .whereRaw('?? = ??', ['c.path_ref', `${interval}.path_ref`])
      .whereRaw('?? = ??', ['c.compliant', `${interval}.compliant`]);

  await tx('follower_intervals')
    .whereNull('to_day')
    .whereNotExists(sameState('follower_intervals'))
    .update({ to_day: day });
  await tx('follower_intervals')
    .where('to_day', day)
    .where('from_day', day)
    .delete();
  // Back to the state it had until earlier today: that interval goes on.
  await tx('follower_intervals')
    .where('to_day', day)
    .whereExists(sameState('follower_intervals'))
    .whereNotExists(
      tx('follower_intervals as open')
        .select(tx.raw('1'))
        .whereNull('open.to_day')
        .whereRaw('?? = ??', [
          'open.entity_ref',
          'follower_intervals.entity_ref',
        ]),
    )
    .update({ to_day: null });
  await tx
    .into(
      tx.raw('?? (??, ??, ??, ??)', [
        'follower_intervals',
        'entity_ref',
        'path_ref',
        'compliant',
        'from_day',
      ]),
    )
    .insert(
      tx('component_results as c')
        .select('c.entity_ref', 'c.path_ref', 'c.compliant', tx.raw('?', [day]))
        .where('c.run_id', runId)
        .whereNotExists(
          tx('follower_intervals as i')
            .select(tx.raw('1'))
            .whereNull('i.to_day')
            .whereRaw('?? = ??', ['i.entity_ref', 'c.entity_ref']),
        ),
    );
  await tx('evaluation_state')
    .where('id', 1)
    .whereNull('intervals_since')
    .update({ intervals_since: day });
}

/**
 * The intervals of a path's followers that overlap `from`..`to`, counted
 * per stretch and state, limited to the followers `visibleTo` accepts (by
 * their stored facts) or names.
 */
export async function readIntervalGroups(
  db: Knex,
  pathRef: string,
  from: string,
  to: string,
  visibleTo: EntityFilter | Set<string>,
): Promise<IntervalGroup[]> {
  const overlapping = () =>
    db('follower_intervals')
      .where('path_ref', pathRef)
      .where('from_day', '<=', to)
      .where(q => q.whereNull('to_day').orWhere('to_day', '>', from));
  if (visibleTo instanceof Set) {
    const rows = await overlapping().select(
      'entity_ref',
      'from_day',
      'to_day',
      'compliant',
    );
    const groups = new Map<string, IntervalGroup>();
    for (const row of rows) {
      if (!visibleTo.has(row.entity_ref)) {
        continue;
      }
      const key = `${row.from_day}/${row.to_day}/${Boolean(row.compliant)}`;
      const group = groups.get(key) ?? {
        fromDay: row.from_day,
        ...(row.to_day ? { toDay: row.to_day } : {}),
        compliant: Boolean(row.compliant),
        count: 0,
      };
      group.count += 1;
      groups.set(key, group);
    }
    return [...groups.values()];
  }
  const rows = await whereEntityMatches(
    db,
    overlapping(),
    'follower_intervals.entity_ref',
    visibleTo,
  )
    .groupBy('from_day', 'to_day', 'compliant')
    .select('from_day', 'to_day', 'compliant', db.raw('count(*) as n'));
  return rows.map(row => ({
    fromDay: row.from_day,
    ...(row.to_day ? { toDay: row.to_day } : {}),
    compliant: Boolean(row.compliant),
    count: Number(row.n),
  }));
}

/** The first day the intervals cover, if any run recorded them. */
export async function readIntervalsSince(
  db: Knex,
): Promise<string | undefined> {
  const row = await db('evaluation_state')
    .where('id', 1)
    .select('intervals_since')
    .first();
  return row?.intervals_since ?? undefined;
}
