import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type {
  CatalogService,
  EntityFilter,
} from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ANNOTATION_GOLDEN_PATH,
  GOLDEN_PATH_KIND_LOWER,
  entityRefKey,
} from '@golden-paths/golden-paths-common';
import { catalogPages } from '../evaluation/catalogPages';
import { builtInEntityFilter } from '../visibility/catalogConditions';
import { RunScopedCache } from './RunScopedCache';

/** Refs (full, lower case) of the paths and followers the catalog returns. */
export interface ReadableRefs {
  paths: Set<string>;
  followers: Set<string>;
}

/**
 * What of the stored results a caller may see: everything; what a filter
 * accepts, applied to the facts stored with the results (a conditional
 * decision with the catalog's built-in rules); or the refs the catalog
 * returned to the caller (a decision with rules only the catalog knows, or
 * a denial). `key` tells apart callers whose answers differ.
 */
export type Visibility =
  | { all: true }
  | { all: false; key: string; filter: EntityFilter }
  | { all: false; key: string; refs: ReadableRefs };

const NOTHING: Visibility = {
  all: false,
  key: 'deny',
  refs: { paths: new Set(), followers: new Set() },
};

/** Distinct custom-rule condition sets whose catalog answers are kept. */
const MAX_CATALOG_ANSWERS = 100;

/**
 * Decides what of the stored results a caller may see, the way the catalog
 * would. The catalog's read decision is asked for the caller; when it is
 * conditional, its conditions are turned into an entity filter by the
 * catalog's own built-in rules and applied to the facts the evaluation
 * stored of each follower and path, so that no request walks the catalog.
 * Conditions with a rule Golden Paths does not know are answered by the
 * catalog itself, with the caller's credentials: one walk of the followers
 * per distinct condition set and evaluation run.
 */
export class CatalogVisibility {
  readonly #catalog: CatalogService;
  readonly #permissions: PermissionsService;
  readonly #catalogAnswers = new RunScopedCache<ReadableRefs>({
    maxEntries: MAX_CATALOG_ANSWERS,
  });

  constructor(options: {
    catalog: CatalogService;
    permissions: PermissionsService;
  }) {
    this.#catalog = options.catalog;
    this.#permissions = options.permissions;
  }

  /**
   * @param currentRunId - The run whose results the caller is served, asked
   * only when the decision is conditional: answers asked of the catalog are
   * kept until another run is current.
   */
  async of(
    credentials: BackstageCredentials,
    currentRunId: () => Promise<number | undefined>,
  ): Promise<Visibility> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW
        ? { all: true }
        : NOTHING;
    }
    const key = JSON.stringify(decision.conditions);
    const filter = builtInEntityFilter(decision.conditions);
    if (filter) {
      return { all: false, key, filter };
    }
    const ask = () => this.#askCatalog(credentials);
    const runId = await currentRunId();
    return {
      all: false,
      key,
      refs:
        runId === undefined
          ? await ask()
          : await this.#catalogAnswers.get(runId, key, ask),
    };
  }

  /** Whether the caller may read each of these entities, in one request. */
  async canRead(
    credentials: BackstageCredentials,
    entityRefs: string[],
  ): Promise<boolean[]> {
    const { items } = await this.#catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
      { credentials },
    );
    return items.map(entity => entity !== null && entity !== undefined);
  }

  async #askCatalog(credentials: BackstageCredentials): Promise<ReadableRefs> {
    const [paths, followers] = await Promise.all([
      this.#refs(credentials, { kind: GOLDEN_PATH_KIND_LOWER }),
      this.#refs(credentials, {
        kind: 'component',
        [`metadata.annotations.${ANNOTATION_GOLDEN_PATH}`]:
          CATALOG_FILTER_EXISTS,
      }),
    ]);
    return { paths, followers };
  }

  async #refs(
    credentials: BackstageCredentials,
    filter: Record<string, string | symbol>,
  ): Promise<Set<string>> {
    const refs = new Set<string>();
    for await (const page of catalogPages(
      this.#catalog,
      { filter, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
      { credentials },
    )) {
      for (const entity of page) {
        refs.add(entityRefKey(entity));
      }
    }
    return refs;
  }
}
