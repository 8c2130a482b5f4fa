import type { Entity } from '@backstage/catalog-model';
import {
  type SyntheticCatalog,
  syntheticComponent,
} from '../../bench/syntheticCatalog';

/**
 * The values the synthetic catalog's entities carry, for policies that
 * select some of them. Refs and values as the entities spell them (policies
 * change their case on purpose).
 */
export interface PolicyVocabulary {
  /** Groups that own components, as refs (some not in the catalog). */
  groups: string[];
  /** Users that own components, as refs. */
  users: string[];
  /** Owners of components that the catalog does not hold. */
  orphanOwners: string[];
  /** `spec.system` of components: system names. */
  systems: string[];
  /** The GoldenPaths, as refs. */
  paths: string[];
  /** `spec.owner` of the GoldenPaths. */
  pathOwners: string[];
  /** `spec.lifecycle` of the GoldenPaths. */
  pathLifecycles: string[];
  /** `spec.category` of the GoldenPaths. */
  pathCategories: string[];
  /** `metadata.tags` of the GoldenPaths. */
  pathTags: string[];
  /** `spec.type` of components. */
  componentTypes: string[];
  /** `spec.lifecycle` of components. */
  componentLifecycles: string[];
  /** `metadata.tags` of components. */
  componentTags: string[];
  /** Annotations of components with their values (location ones left out). */
  annotations: Array<{ key: string; values: string[] }>;
  /** Labels of components with their values. */
  labels: Array<{ key: string; values: string[] }>;
}

/** How many components the vocabulary is read from: every value occurs. */
const SAMPLE = 2000;

const refOf = (entity: Entity) =>
  `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function keyValues(
  maps: Array<Record<string, string> | undefined>,
  skip: (key: string) => boolean = () => false,
): Array<{ key: string; values: string[] }> {
  const byKey = new Map<string, Set<string>>();
  for (const map of maps) {
    for (const [key, value] of Object.entries(map ?? {})) {
      if (!skip(key)) {
        byKey.set(key, (byKey.get(key) ?? new Set()).add(value));
      }
    }
  }
  return [...byKey.keys()]
    .sort()
    .map(key => ({ key, values: sorted(byKey.get(key)!) }));
}

/**
 * The vocabulary of the synthetic catalog, read from its fixed entities and
 * from its first components, so that it follows whatever the generator
 * writes.
 */
export function policyVocabulary(catalog: SyntheticCatalog): PolicyVocabulary {
  const components = Array.from({ length: SAMPLE }, (_, i) =>
    syntheticComponent(catalog, i),
  );
  const owners = sorted([
    ...catalog.owners,
    ...components.map(c => String(c.spec?.owner)),
  ]);
  const inCatalog = new Set(
    [...catalog.groups, ...catalog.systems, ...catalog.paths].map(refOf),
  );
  const spec = (entities: Entity[], key: string) =>
    sorted(entities.map(e => e.spec?.[key]).filter(v => typeof v === 'string'));
  return {
    groups: owners.filter(o => o.startsWith('group:')),
    users: owners.filter(o => o.startsWith('user:')),
    orphanOwners: owners.filter(o => !inCatalog.has(o)),
    systems: spec(components, 'system'),
    paths: sorted(catalog.paths.map(refOf)),
    pathOwners: spec(catalog.paths, 'owner'),
    pathLifecycles: spec(catalog.paths, 'lifecycle'),
    pathCategories: spec(catalog.paths, 'category'),
    pathTags: sorted(catalog.paths.flatMap(p => p.metadata.tags ?? [])),
    componentTypes: spec(components, 'type'),
    componentLifecycles: spec(components, 'lifecycle'),
    componentTags: sorted(components.flatMap(c => c.metadata.tags ?? [])),
    annotations: keyValues(
      components.map(c => c.metadata.annotations),
      key => key.startsWith('backstage.io/managed-by'),
    ),
    labels: keyValues(components.map(c => c.metadata.labels)),
  };
}
