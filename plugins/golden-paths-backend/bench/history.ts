import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { randomsFrom } from './randoms';

/** What {@link seedHistory} wrote, or why it wrote nothing. */
export type SeededHistory =
  | {
      seeded: true;
      /** Past days written, before `today`. */
      days: number;
      /** The day of the current run, which the evaluation wrote. */
      today: string;
      followers: number;
      intervals: number;
      /** Followers whose compliance changed, per day on average. */
      changesPerDay: number;
      ms: number;
    }
  | { seeded: false; reason: string };

interface Interval {
  entity_ref: string;
  path_ref: string;
  compliant: boolean;
  from_day: string;
  to_day: string | null;
}

const INSERT_CHUNK = 1000;

function dayOffset(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Deterministic numbers in [0, 1) from a follower's ref. */
function randomsOf(ref: string): () => number {
  return randomsFrom(createHash('sha256').update(ref).digest().readUInt32LE(0));
}

/**
 * One follower's past, from its current state backwards: on each day a 1%
 * chance that its compliance changed that day. The last interval is open
 * and holds the current state; the first starts on `since`.
 */
function intervalsOf(
  follower: { entity_ref: string; path_ref: string; compliant: boolean },
  since: string,
  today: string,
  changeRate: number,
): Interval[] {
  const random = randomsOf(follower.entity_ref);
  const intervals: Interval[] = [];
  let compliant = follower.compliant;
  let to: string | null = null;
  for (let day = today; day > since; day = dayOffset(day, -1)) {
    if (random() < changeRate) {
      intervals.push({ ...follower, compliant, from_day: day, to_day: to });
      to = day;
      compliant = !compliant;
    }
  }
  intervals.push({ ...follower, compliant, from_day: since, to_day: to });
  return intervals;
}

async function hasTable(db: Knex, table: string): Promise<boolean> {
  return db.schema.hasTable(table);
}

/**
 * Gives the golden-paths database `days` days of history before the
 * current run's day, as if the plugin had evaluated the same followers
 * every day: `follower_intervals` for every follower of the current run,
 * about `changeRate` of them changing compliance per day and each ending in
 * an open interval in its current state, and the `path_history` rows those
 * intervals count to. Replaces whatever history the table held (the
 * evaluations' own, of today). Run after an evaluation; deterministic per
 * follower, so a larger catalog gives the smaller one's followers the same
 * past.
 *
 * Needs the `follower_intervals` table (migration
 * `*_follower_visibility.js`); without it, writes nothing.
 */
export async function seedHistory(
  db: Knex,
  options: { days: number; changeRate?: number },
): Promise<SeededHistory> {
  const start = Date.now();
  const changeRate = options.changeRate ?? 0.01;
  if (!(await hasTable(db, 'follower_intervals'))) {
    return {
      seeded: false,
      reason: 'no follower_intervals table (its migration has not landed)',
    };
  }
  const state = await db('evaluation_state').where('id', 1).first();
  if (!state?.current_run_id) {
    return { seeded: false, reason: 'no completed evaluation' };
  }
  const latest = await db('path_history').max({ day: 'day' }).first();
  const today = latest?.day as string | undefined;
  if (!today) {
    return { seeded: false, reason: 'no path_history row' };
  }
  const since = dayOffset(today, -options.days);
  const followers: Array<{
    entity_ref: string;
    path_ref: string;
    compliant: boolean;
  }> = await db('component_results')
    .where('run_id', state.current_run_id)
    .select('entity_ref', 'path_ref', 'compliant');

  // Per path and day: followers, compliant followers (difference arrays).
  const dayIndex = (day: string) =>
    Math.round(
      (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) /
        86_400_000,
    );
  // Every path of today's history, also one nobody follows.
  const counts = new Map<string, { adoption: number; compliant: number[] }>();
  const pathOf = (ref: string) => {
    const path = counts.get(ref) ?? {
      adoption: 0,
      compliant: new Array(options.days + 2).fill(0),
    };
    counts.set(ref, path);
    return path;
  };
  for (const row of await db('path_history')
    .where('day', today)
    .select('path_ref')) {
    pathOf(row.path_ref);
  }
  const intervals: Interval[] = [];
  for (const follower of followers) {
    const path = pathOf(follower.path_ref);
    path.adoption += 1;
    for (const interval of intervalsOf(follower, since, today, changeRate)) {
      intervals.push(interval);
      if (interval.compliant) {
        path.compliant[dayIndex(interval.from_day)] += 1;
        path.compliant[
          interval.to_day ? dayIndex(interval.to_day) : options.days + 1
        ] -= 1;
      }
    }
  }
  const historyRows = [...counts].flatMap(([pathRef, path]) => {
    let compliant = 0;
    return Array.from({ length: options.days }, (_, i) => {
      compliant += path.compliant[i];
      return {
        path_ref: pathRef,
        day: dayOffset(since, i),
        adoption: path.adoption,
        compliant,
      };
    });
  });

  await db.transaction(async tx => {
    await tx('follower_intervals').delete();
    for (let i = 0; i < intervals.length; i += INSERT_CHUNK) {
      await tx('follower_intervals').insert(
        intervals.slice(i, i + INSERT_CHUNK),
      );
    }
    await tx('path_history').where('day', '<', today).delete();
    for (let i = 0; i < historyRows.length; i += INSERT_CHUNK) {
      await tx('path_history').insert(historyRows.slice(i, i + INSERT_CHUNK));
    }
    if (await tx.schema.hasColumn('evaluation_state', 'intervals_since')) {
      await tx('evaluation_state')
        .where('id', 1)
        .update({ intervals_since: since });
    }
  });
  return {
    seeded: true,
    days: options.days,
    today,
    followers: followers.length,
    intervals: intervals.length,
    changesPerDay: (intervals.length - followers.length) / options.days,
    ms: Date.now() - start,
  };
}
