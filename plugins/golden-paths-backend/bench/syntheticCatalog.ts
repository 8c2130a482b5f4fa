import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { GOLDEN_PATH_KIND } from '@golden-paths/golden-paths-common';
import { parseAllDocuments } from 'yaml';
import { randomsFrom } from './randoms';

/** Where the synthetic entities say they come from; no URL reader reads it. */
const LOCATION = 'bench:synthetic';
const EXAMPLES = join(__dirname, '../../../examples');

/** 5 groups of examples/org.yaml + 15 generated teams = 20 groups. */
const TEAM_COUNT = 15;
const SYSTEM_COUNT = 10;

/** The example paths by adoption rank (Zipf-like, s = 1.1). */
const PATH_RANKING = [
  'node-http-service',
  'python-data-pipeline',
  'react-frontend',
  'node-http-service-legacy',
  'spark-job',
  'ml-training-job',
  'cnf-5g-network-function',
];
const ZIPF_WEIGHTS = PATH_RANKING.map((_, rank) => 1 / (rank + 1) ** 1.1);

const TYPE_OF_PATH: Record<string, string> = {
  'node-http-service': 'service',
  'node-http-service-legacy': 'service',
  'python-data-pipeline': 'data-pipeline',
  'react-frontend': 'website',
  'spark-job': 'data-pipeline',
  'ml-training-job': 'ml-model',
  'cnf-5g-network-function': 'network-function',
};

function withLocation(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

function exampleEntities(file: string, kinds: string[]): Entity[] {
  return parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8'))
    .map(doc => doc.toJSON() as Entity)
    .filter(entity => entity && kinds.includes(entity.kind))
    .map(withLocation);
}

/** Deterministic pseudo-random numbers in [0, 1) from a component index. */
function randomsOf(index: number): () => number {
  return randomsFrom(index * 2654435761 + 0x9e3779b9);
}

function pick<T>(items: T[], weights: number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i];
    if (x < 0) {
      return items[i];
    }
  }
  return items[items.length - 1];
}

/**
 * The version a follower was scaffolded at: current, a release candidate of
 * it (patch behind), a minor or a major behind, or no annotation at all.
 */
function followerVersion(latest: string, r: number): string | undefined {
  const [major, minor] = latest.split('.').map(Number);
  const patchBehind = `${major}.${minor}.0-rc.2`;
  const minorBehind = minor > 0 ? `${major}.${minor - 1}.3` : patchBehind;
  const majorBehind = major > 0 ? `${major - 1}.8.1` : minorBehind;
  if (r < 0.55) return latest;
  if (r < 0.65) return patchBehind;
  if (r < 0.85) return minorBehind;
  if (r < 0.95) return majorBehind;
  return undefined;
}

/** The generated part of the catalog: groups, systems and golden paths. */
export interface SyntheticCatalog {
  groups: Entity[];
  systems: Entity[];
  paths: Entity[];
  /** Owners components draw from. */
  owners: string[];
  /** Path name to `spec.version`. */
  versions: Map<string, string>;
}

export function syntheticCatalog(): SyntheticCatalog {
  const exampleGroups = exampleEntities('org.yaml', ['Group']);
  const teams: Entity[] = Array.from({ length: TEAM_COUNT }, (_, i) =>
    withLocation({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${String(i + 1).padStart(2, '0')}` },
      spec: { type: 'team', parent: 'engineering', children: [] },
    }),
  );
  const groups = [...exampleGroups, ...teams];
  const owners = groups.map(g => `group:default/${g.metadata.name}`);
  const systems: Entity[] = Array.from({ length: SYSTEM_COUNT }, (_, i) =>
    withLocation({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${String(i + 1).padStart(2, '0')}` },
      spec: { owner: owners[i % owners.length] },
    }),
  );
  const paths = exampleEntities('golden-paths.yaml', [GOLDEN_PATH_KIND]);
  const versions = new Map(
    paths.map(p => [p.metadata.name, String(p.spec?.version)] as const),
  );
  return { groups, systems, paths, owners, versions };
}

/**
 * Component `index`, about 500 bytes of JSON on average (followers more). Depends on the index only,
 * so a larger catalog holds the smaller one's components unchanged.
 */
export function syntheticComponent(
  catalog: SyntheticCatalog,
  index: number,
): Entity {
  const random = randomsOf(index);
  const name = `svc-${String(index).padStart(6, '0')}`;
  const follows = random() < 0.6;
  const path = pick(PATH_RANKING, ZIPF_WEIGHTS, random());
  const version = followerVersion(catalog.versions.get(path)!, random());
  const ownerRoll = random();
  const owner =
    // 2% owned by a team that left the catalog, 1% by a person
    // eslint-disable-next-line no-nested-ternary
    ownerRoll < 0.02
      ? 'group:default/former-team'
      : ownerRoll < 0.03
      ? 'user:default/guest'
      : catalog.owners[Math.floor(random() * catalog.owners.length)];
  const annotations: Record<string, string> = {
    'backstage.io/managed-by-location': LOCATION,
    'backstage.io/managed-by-origin-location': LOCATION,
  };
  if (follows) {
    annotations['golden-paths.dev/path'] = `goldenpath:default/${path}`;
    if (version) {
      annotations['golden-paths.dev/path-version'] = version;
    }
    annotations['backstage.io/source-template'] = `template:default/${path}`;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title: `Service ${index}`,
      labels: { 'cost-center': `CC-${1000 + (index % 50)}` },
      annotations,
      tags: follows ? [path.split('-')[0]] : ['legacy', 'kubernetes'],
    },
    spec: {
      type: follows ? TYPE_OF_PATH[path] : 'service',
      lifecycle: random() < 0.8 ? 'production' : 'experimental',
      owner,
      system: `system-${String(1 + (index % SYSTEM_COUNT)).padStart(2, '0')}`,
    },
  };
}

/**
 * An entity provider the benchmark drives: each `apply` replaces everything
 * it provided before (a full mutation). Unchanged entities keep their hash,
 * so the catalog processes only the new and changed ones.
 */
export class BenchEntityProvider implements EntityProvider {
  #connection?: EntityProviderConnection;
  readonly #connected: Promise<void>;
  #resolveConnected!: () => void;

  constructor(private readonly name: string) {
    this.#connected = new Promise(resolve => {
      this.#resolveConnected = resolve;
    });
  }

  getProviderName(): string {
    return this.name;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    this.#resolveConnected();
  }

  async apply(entities: Entity[]): Promise<void> {
    await this.#connected;
    await this.#connection!.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: this.name })),
    });
  }
}

/** A catalog module that adds the provider. */
export function benchProviderModule(provider: BenchEntityProvider) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'golden-paths-bench',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider(provider);
        },
      });
    },
  });
}
