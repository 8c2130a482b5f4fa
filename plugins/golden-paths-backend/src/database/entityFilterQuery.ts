import type { EntityFilter } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';

/**
 * Limits `query` to the rows whose `column` (an entity ref) names an entity
 * that `filter` accepts, judged on `entity_facts` the way the catalog judges
 * it on its search table: keys and values compared in lower case, a filter
 * without values meaning "has the key", `not` / `allOf` / `anyOf` as
 * negation, conjunction and disjunction, an empty `allOf` true and an empty
 * `anyOf` false.
 */
export function whereEntityMatches<Q extends Knex.QueryBuilder>(
  db: Knex,
  query: Q,
  column: string,
  filter: EntityFilter,
): Q {
  return query.where(inner => {
    applyFilter(db, inner, column, filter);
  }) as Q;
}

function applyFilter(
  db: Knex,
  query: Knex.QueryBuilder,
  column: string,
  filter: EntityFilter,
): void {
  if ('allOf' in filter) {
    if (filter.allOf.length === 0) {
      query.whereRaw('1 = 1');
      return;
    }
    for (const part of filter.allOf) {
      query.andWhere(inner => applyFilter(db, inner, column, part));
    }
    return;
  }
  if ('anyOf' in filter) {
    if (filter.anyOf.length === 0) {
      query.whereRaw('1 = 0');
      return;
    }
    for (const part of filter.anyOf) {
      query.orWhere(inner => applyFilter(db, inner, column, part));
    }
    return;
  }
  if ('not' in filter) {
    query.whereNot(inner => applyFilter(db, inner, column, filter.not));
    return;
  }
  const facts = db('entity_facts')
    .select('entity_ref')
    .where('key', filter.key.toLowerCase());
  if (filter.values) {
    if (filter.values.length === 0) {
      query.whereRaw('1 = 0');
      return;
    }
    facts.whereIn(
      'value',
      filter.values.map(value => String(value).toLowerCase()),
    );
  }
  query.whereIn(column, facts);
}
