import { AddressInfo } from 'node:net';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  type TestBackend,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogModuleGoldenPathKind } from '@golden-paths/golden-paths-node/testUtils';
import { goldenPathsLocalUrlReaderServiceFactory } from '@golden-paths/golden-paths-node';
import type { JsonObject } from '@backstage/types';
import { backendRequests, waitFor } from './backendRequests';

/** A running test backend, and requests to it as a signed-in user. */
export interface ScaffolderTestBackend {
  backend: TestBackend;
  baseUrl: string;
  /** Requests as the mock user. */
  request: ReturnType<typeof backendRequests>;
  /** Requests as `user`, such as `user:default/mallory`. */
  requestAs(user: string): ReturnType<typeof backendRequests>;
}

/**
 * Starts the catalog (with the GoldenPath kind and the template kind), the
 * scaffolder and the local repository URL reader, with `config` and the
 * `features` under test: the Golden Paths plugins and modules the test
 * needs (such as the scaffolder module and the Golden Paths backend), and
 * any service it replaces (such as a permission policy). The caller passes
 * our plugins, so that this package depends on none of them.
 */
export async function startScaffolderTestBackend(options: {
  config: JsonObject;
  features: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
  /** Leave out the local repository URL reader. */
  withoutLocalReader?: boolean;
}): Promise<ScaffolderTestBackend> {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      catalogModuleGoldenPathKind,
      scaffolderPlugin,
      ...(options.withoutLocalReader
        ? []
        : [goldenPathsLocalUrlReaderServiceFactory]),
      ...options.features,
      mockServices.rootConfig.factory({ data: options.config }),
    ],
  });
  // The tests' fetch keeps connections alive for 4 s; the server must keep
  // them longer, or on a busy machine a request goes out on a connection
  // the server has just closed (ECONNRESET).
  backend.server.keepAliveTimeout = 60_000;
  backend.server.headersTimeout = 65_000;
  const baseUrl = `http://localhost:${
    (backend.server.address() as AddressInfo).port
  }`;
  return {
    backend,
    baseUrl,
    request: backendRequests(() => baseUrl),
    requestAs: user => backendRequests(() => baseUrl, user),
  };
}

/**
 * Waits until the catalog holds at least `count` entities of the kinds
 * `filter` names (a by-query filter, such as `kind=goldenpath,kind=template`).
 */
export async function waitForCatalog(
  request: ReturnType<typeof backendRequests>,
  what: string,
  filter: string,
  count: number,
  timeoutMs = 120_000,
): Promise<void> {
  await waitFor(
    what,
    async () =>
      (
        await request(
          'GET',
          `/api/catalog/entities/by-query?filter=${filter}&limit=100`,
        )
      ).body?.items?.length ?? 0,
    found => found >= count,
    timeoutMs,
  );
}
