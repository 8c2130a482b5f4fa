import { DEFAULT_NAMESPACE, type Entity } from '@backstage/catalog-model';

/** One searchable fact of an entity: a lower-case key and value. */
export interface EntityFact {
  key: string;
  /** Lower case; null when the value is absent or too long to index. */
  value: string | null;
}

/**
 * The fields an entity must be read with for {@link entityFacts}: every
 * fact the catalog's built-in permission rules can look at.
 */
export const FACT_FIELDS = ['kind', 'metadata', 'spec', 'relations'];

/*
 * The catalog indexes keys and values up to this length; a longer value is
 * kept as null (so `$exists` still matches), a longer key not at all.
 */
const MAX_KEY_LENGTH = 200;
const MAX_VALUE_LENGTH = 200;

/** Left out of the walk: not indexed, or added explicitly below. */
const SPECIAL_KEYS = new Set([
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'metadata.etag',
]);

/**
 * The facts of an entity that the catalog's built-in permission rules
 * (`IS_ENTITY_KIND`, `IS_ENTITY_OWNER`, `HAS_ANNOTATION`, `HAS_LABEL`,
 * `HAS_METADATA`, `HAS_SPEC`) turn into queries, flattened the way the
 * catalog's search table holds them: `kind`, every leaf under `metadata`
 * and `spec` (array items under the array's key, and a string item also as
 * `<key>.<item>` = `true`), `metadata.name`, `metadata.namespace` (also
 * `default` when unset), `metadata.uid` and each `relations.ownedby`
 * target. Keys and values are lower case, so the same conditions match
 * here as in the catalog.
 */
export function entityFacts(entity: Entity): EntityFact[] {
  const raw: Array<[string, unknown]> = [['kind', entity.kind]];
  const seenItemKeys = new Set<string>();

  const visit = (path: string, current: unknown): void => {
    if (SPECIAL_KEYS.has(path)) {
      return;
    }
    if (
      current === undefined ||
      current === null ||
      typeof current === 'string' ||
      typeof current === 'number' ||
      typeof current === 'boolean'
    ) {
      raw.push([path, current]);
      return;
    }
    if (typeof current !== 'object') {
      return;
    }
    if (Array.isArray(current)) {
      for (const item of current) {
        visit(path, item);
        if (typeof item === 'string') {
          const itemKey = `${path}.${item}`;
          const lower = itemKey.toLowerCase();
          if (!seenItemKeys.has(lower)) {
            seenItemKeys.add(lower);
            raw.push([itemKey, true]);
          }
        }
      }
      return;
    }
    for (const [key, value] of Object.entries(current)) {
      visit(`${path}.${key}`, value);
    }
  };
  visit('metadata', entity.metadata);
  if (entity.spec !== undefined) {
    visit('spec', entity.spec);
  }

  raw.push(['metadata.name', entity.metadata.name]);
  raw.push(['metadata.namespace', entity.metadata.namespace]);
  raw.push(['metadata.uid', entity.metadata.uid]);
  if (!entity.metadata.namespace) {
    raw.push(['metadata.namespace', DEFAULT_NAMESPACE]);
  }
  for (const relation of entity.relations ?? []) {
    if (relation.type === 'ownedBy') {
      raw.push(['relations.ownedBy', relation.targetRef]);
    }
  }

  // toLowerCase maps as toLocaleLowerCase('en-US') does (the catalog's
  // choice), without resolving the locale on every call.
  const facts: EntityFact[] = [];
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of raw) {
    const key = rawKey.toLowerCase();
    if (key.length > MAX_KEY_LENGTH) {
      continue;
    }
    let value: string | null = null;
    if (rawValue !== undefined && rawValue !== null) {
      const text = String(rawValue).toLowerCase();
      value = text.length <= MAX_VALUE_LENGTH ? text : null;
    }
    const id = `${key}\0${value ?? '\u0001null'}`;
    if (!seen.has(id)) {
      seen.add(id);
      facts.push({ key, value });
    }
  }
  return facts;
}
