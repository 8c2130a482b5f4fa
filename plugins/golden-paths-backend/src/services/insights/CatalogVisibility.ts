import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ANNOTATION_GOLDEN_PATH } from '@golden-paths/golden-paths-common';
import { catalogPages } from '../evaluation/catalogPages';
import { entityRefKey } from '../evaluation/refs';

/**
 * Which entities a caller may read: `all`, or the refs (full, lower case) of
 * the golden paths and followers the catalog returns to them.
 */
export type Visibility =
  | { all: true }
  | { all: false; paths: Set<string>; followers: Set<string> };

const NOTHING: Visibility = {
  all: false,
  paths: new Set(),
  followers: new Set(),
};

/**
 * Decides what of the stored results a caller may see, the way the catalog
 * would: the catalog's read permission, and when the decision is
 * conditional, the catalog itself asked with the caller's credentials.
 */
export class CatalogVisibility {
  readonly #catalog: CatalogService;
  readonly #permissions: PermissionsService;

  constructor(options: {
    catalog: CatalogService;
    permissions: PermissionsService;
  }) {
    this.#catalog = options.catalog;
    this.#permissions = options.permissions;
  }

  async of(credentials: BackstageCredentials): Promise<Visibility> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return { all: true };
    }
    if (decision.result === AuthorizeResult.DENY) {
      return NOTHING;
    }
    const [paths, followers] = await Promise.all([
      this.#refs(credentials, { kind: 'goldenpath' }),
      this.#refs(credentials, {
        kind: 'component',
        [`metadata.annotations.${ANNOTATION_GOLDEN_PATH}`]:
          CATALOG_FILTER_EXISTS,
      }),
    ]);
    return { all: false, paths, followers };
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
