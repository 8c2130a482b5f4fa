import type { Entity } from '@backstage/catalog-model';
import type { TemplateRevision } from '../render/templateRevision';

/**
 * What one bulk planning reads once for all its followers: the path and
 * template entities, and each template revision.
 */
export interface ReadCache {
  entities: Map<string, Promise<Entity | undefined>>;
  revisions: Map<string, Promise<TemplateRevision>>;
}

/** An empty cache, for one plan or one bulk planning. */
export function newReadCache(): ReadCache {
  return { entities: new Map(), revisions: new Map() };
}

/** The value read for `key`, reading it the first time only. */
export function cached<T>(
  map: Map<string, Promise<T>>,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = read();
    map.set(key, value);
  }
  return value;
}
