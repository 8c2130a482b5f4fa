import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  EntityFilterQuery,
  QueryEntitiesResponse,
} from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog's page size for bulk reads. */
export const CATALOG_PAGE_SIZE = 500;

/**
 * Walks the catalog in pages of {@link CATALOG_PAGE_SIZE} with a fields
 * projection and no total count (counting is most of the cost of a page on a
 * large catalog), fetching the next page while the caller works on the
 * current one.
 */
export async function* catalogPages(
  catalog: CatalogService,
  request: { filter: EntityFilterQuery; fields?: string[] },
  options: {
    credentials: BackstageCredentials;
    /** Incremented once per catalog request. */
    counter?: { requests: number };
  },
): AsyncGenerator<Entity[]> {
  const fetchPage = (cursor?: string): Promise<QueryEntitiesResponse> => {
    if (options.counter) {
      options.counter.requests += 1;
    }
    return catalog.queryEntities(
      cursor
        ? { cursor, limit: CATALOG_PAGE_SIZE, fields: request.fields }
        : {
            filter: request.filter,
            fields: request.fields,
            limit: CATALOG_PAGE_SIZE,
            totalItems: 'exclude',
          },
      { credentials: options.credentials },
    );
  };
  let pending: Promise<QueryEntitiesResponse> | undefined = fetchPage();
  while (pending) {
    const page: QueryEntitiesResponse = await pending;
    const next = page.pageInfo.nextCursor;
    pending = next && page.items.length ? fetchPage(next) : undefined;
    // Observed when the caller stops early; awaited (and thrown) otherwise.
    pending?.catch(() => undefined);
    yield page.items;
  }
}
