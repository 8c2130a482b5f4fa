import type { Knex } from 'knex';
import { chunks } from './chunks';
import type { EntityFactsInput } from './EvaluationStore';

/** Values per `IN (...)` list; SQLite limits the bindings of a statement. */
const QUERY_CHUNK_SIZE = 500;
/**
 * Fact rows per INSERT (3 bindings each). SQLite gets a multi-row insert
 * from knex as one compound SELECT, which it caps at 500 terms.
 */
const FACT_WRITE_CHUNK_SIZE = { postgresql: 1000, other: 400 };

/**
 * Stores the facts of these entities, skipping those whose facts were
 * already taken from the same version (`etag`) of the entity: after the
 * first evaluation only changed entities are written.
 */
export async function writeEntityFacts(
  db: Knex,
  entities: EntityFactsInput[],
): Promise<void> {
  const byRef = new Map(entities.map(e => [e.entityRef, e] as const));
  const changed: EntityFactsInput[] = [];
  for (const chunk of chunks([...byRef.keys()], QUERY_CHUNK_SIZE)) {
    const stored = new Map(
      (
        await db<{ entity_ref: string; etag: string }>('entity_fact_sources')
          .whereIn('entity_ref', chunk)
          .select('entity_ref', 'etag')
      ).map(row => [row.entity_ref, row.etag] as const),
    );
    for (const ref of chunk) {
      const entity = byRef.get(ref)!;
      if (!entity.etag || stored.get(ref) !== entity.etag) {
        changed.push(entity);
      }
    }
  }
  if (changed.length === 0) {
    return;
  }
  await db.transaction(async tx => {
    for (const chunk of chunks(changed, QUERY_CHUNK_SIZE)) {
      await tx('entity_facts')
        .whereIn(
          'entity_ref',
          chunk.map(e => e.entityRef),
        )
        .delete();
    }
    const rows = changed.flatMap(e =>
      e.facts.map(fact => ({
        entity_ref: e.entityRef,
        key: fact.key,
        value: fact.value,
      })),
    );
    const size =
      db.client.dialect === 'postgresql'
        ? FACT_WRITE_CHUNK_SIZE.postgresql
        : FACT_WRITE_CHUNK_SIZE.other;
    for (const chunk of chunks(rows, size)) {
      await tx('entity_facts').insert(chunk);
    }
    for (const chunk of chunks(changed, QUERY_CHUNK_SIZE)) {
      await tx('entity_fact_sources')
        .insert(
          chunk.map(e => ({
            entity_ref: e.entityRef,
            // No etag: written again next time, which is only slower.
            etag: e.etag ?? '',
          })),
        )
        .onConflict('entity_ref')
        .merge(['etag']);
    }
  });
}

/**
 * Forgets the facts of entities that are neither a follower in run `runId`,
 * nor a path of it, nor in any follower's history: history keeps a departed
 * follower's facts, so that it is still counted for who could read it.
 */
export async function pruneEntityFacts(
  tx: Knex.Transaction,
  runId: number,
): Promise<void> {
  const stale = tx('entity_fact_sources as s')
    .select('s.entity_ref')
    .whereNotExists(
      tx('component_results as c')
        .select(tx.raw('1'))
        .where('c.run_id', runId)
        .whereRaw('?? = ??', ['c.entity_ref', 's.entity_ref']),
    )
    .whereNotExists(
      tx('path_summaries as p')
        .select(tx.raw('1'))
        .whereRaw('?? = ??', ['p.path_ref', 's.entity_ref']),
    )
    .whereNotExists(
      tx('follower_intervals as i')
        .select(tx.raw('1'))
        .whereRaw('?? = ??', ['i.entity_ref', 's.entity_ref']),
    );
  const refs = (await stale).map(row => row.entity_ref as string);
  for (const chunk of chunks(refs, QUERY_CHUNK_SIZE)) {
    await tx('entity_facts').whereIn('entity_ref', chunk).delete();
    await tx('entity_fact_sources').whereIn('entity_ref', chunk).delete();
  }
}
