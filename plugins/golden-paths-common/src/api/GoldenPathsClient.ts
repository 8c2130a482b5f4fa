import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { GOLDEN_PATH_KIND, GOLDEN_PATH_KIND_LOWER } from '../constants';
import type {
  EntityResult,
  FollowerResult,
  GoldenPathsApi,
  HistoryRequest,
  HistoryResponse,
  ListFollowersRequest,
  ListPathsRequest,
  Page,
  PathDetails,
  PathSummary,
  RefreshResponse,
  ValidateResponse,
} from './types';
import type {
  PathUpgradePlans,
  UpgradePlan,
  UpgradeResult,
} from './upgradeTypes';

/**
 * The subset of Backstage's DiscoveryApi the client needs.
 *
 * @public
 */
export interface GoldenPathsClientDiscovery {
  /** The base URL of a plugin's backend, e.g. `http://host/api/golden-paths`. */
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * The subset of Backstage's FetchApi the client needs.
 *
 * @public
 */
export interface GoldenPathsClientFetch {
  /** A fetch that adds the caller's credentials. */
  fetch: typeof fetch;
}

/**
 * HTTP client of the Golden Paths backend, for the frontend (with the
 * DiscoveryApi and FetchApi) and for backends (with the discovery service and
 * a fetch that adds a service token).
 *
 * @public
 */
export class GoldenPathsClient implements GoldenPathsApi {
  readonly #discoveryApi: GoldenPathsClientDiscovery;
  readonly #fetchApi: GoldenPathsClientFetch;

  constructor(options: {
    discoveryApi: GoldenPathsClientDiscovery;
    fetchApi?: GoldenPathsClientFetch;
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch: globalThis.fetch };
  }

  /** {@inheritDoc GoldenPathsApi.listPaths} */
  async listPaths(request: ListPathsRequest = {}): Promise<Page<PathSummary>> {
    return this.#get('/paths', {
      category: request.category?.join(','),
      lifecycle: request.lifecycle?.join(','),
      owner: request.owner?.join(','),
      guarantee: request.guarantee?.join(','),
      limit: request.limit?.toString(),
      cursor: request.cursor,
    });
  }

  /** {@inheritDoc GoldenPathsApi.getPath} */
  async getPath(pathRef: string): Promise<PathDetails> {
    return this.#get(`/paths/${pathSegments(pathRef)}`);
  }

  /** {@inheritDoc GoldenPathsApi.listFollowers} */
  async listFollowers(
    pathRef: string,
    request: ListFollowersRequest = {},
  ): Promise<Page<FollowerResult>> {
    return this.#get(`/paths/${pathSegments(pathRef)}/followers`, {
      limit: request.limit?.toString(),
      cursor: request.cursor,
    });
  }

  /** {@inheritDoc GoldenPathsApi.getHistory} */
  async getHistory(
    pathRef: string,
    request: HistoryRequest = {},
  ): Promise<HistoryResponse> {
    return this.#get(`/paths/${pathSegments(pathRef)}/history`, {
      from: request.from,
      to: request.to,
    });
  }

  /** {@inheritDoc GoldenPathsApi.getEntityResult} */
  async getEntityResult(entityRef: string): Promise<EntityResult | undefined> {
    const response = await this.#request(entityPath(entityRef), {
      method: 'GET',
    });
    if (response.status === 404) {
      return undefined;
    }
    return this.#json(response);
  }

  /** {@inheritDoc GoldenPathsApi.refresh} */
  async refresh(): Promise<RefreshResponse> {
    return this.#json(await this.#request('/refresh', { method: 'POST' }));
  }

  /** {@inheritDoc GoldenPathsApi.validate} */
  async validate(yaml: string): Promise<ValidateResponse> {
    return this.#json(
      await this.#request('/validate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ yaml }),
      }),
    );
  }

  /** {@inheritDoc GoldenPathsApi.planUpgrade} */
  async planUpgrade(entityRef: string): Promise<UpgradePlan> {
    return this.#get(`${entityPath(entityRef)}/upgrade`);
  }

  /** {@inheritDoc GoldenPathsApi.runUpgrade} */
  async runUpgrade(entityRef: string): Promise<UpgradeResult> {
    return this.#json(
      await this.#request(`${entityPath(entityRef)}/upgrade`, {
        method: 'POST',
      }),
    );
  }

  /** {@inheritDoc GoldenPathsApi.planUpgrades} */
  async planUpgrades(pathRef: string): Promise<PathUpgradePlans> {
    return this.#get(`/paths/${pathSegments(pathRef)}/upgrade-plans`);
  }

  async #get<T>(
    path: string,
    query: Record<string, string | undefined> = {},
  ): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, value);
      }
    }
    const search = params.toString();
    return this.#json(
      await this.#request(search ? `${path}?${search}` : path, {
        method: 'GET',
      }),
    );
  }

  async #request(path: string, init: RequestInit): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('golden-paths');
    return this.#fetchApi.fetch(`${baseUrl}${path}`, init);
  }

  async #json<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `component:default/x` → `/entities/component/default/x`, URL-encoded. */
function entityPath(entityRef: string): string {
  const ref = parseEntityRef(entityRef);
  return `/entities/${[ref.kind, ref.namespace, ref.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** `goldenpath:default/x` → `default/x`, each part URL-encoded. */
function pathSegments(pathRef: string): string {
  const ref = parseEntityRef(pathRef, { defaultKind: GOLDEN_PATH_KIND });
  if (ref.kind.toLocaleLowerCase('en-US') !== GOLDEN_PATH_KIND_LOWER) {
    throw new TypeError(
      `Expected a ${GOLDEN_PATH_KIND_LOWER} entity ref, got ${stringifyEntityRef(
        ref,
      )}`,
    );
  }
  return `${encodeURIComponent(ref.namespace)}/${encodeURIComponent(ref.name)}`;
}
