import type { Entity } from '@backstage/catalog-model';
import { DefaultEntityPresentationApi } from '@backstage/plugin-catalog';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  type EntityResult,
  type GoldenPathsApi,
} from '@golden-paths/golden-paths-common';
import { screen } from '@testing-library/react';
import { routes } from '../dev/legacy/App';
import { goldenPathsApiRef } from './api';
import { follower, nodeHttpService, summaryOf } from './__testUtils__';

// The legacy example app (dev/legacy) is what the README's legacy install
// quotes; these tests render its routes as an adopter's app would.

const ordersApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-api',
    namespace: 'default',
    annotations: {
      [ANNOTATION_GOLDEN_PATH]: 'goldenpath:default/node-http-service',
      [ANNOTATION_GOLDEN_PATH_VERSION]: '2.1.0',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
};

const ordersApiResult: EntityResult = {
  ...follower('orders-api'),
  path: {
    ref: 'goldenpath:default/node-http-service',
    title: nodeHttpService.metadata.title!,
    version: nodeHttpService.spec.version,
    lifecycle: nodeHttpService.spec.lifecycle,
  },
};

async function renderLegacyApp(path: string) {
  const goldenPathsApi: Partial<GoldenPathsApi> = {
    listPaths: async () => ({
      items: [summaryOf(nodeHttpService, { adoption: 1, compliant: 1 })],
    }),
    getEntityResult: async () => ordersApiResult,
  };
  const catalogApi = catalogApiMock({ entities: [nodeHttpService, ordersApi] });
  // The entity page's menu asks whether the user may unregister the entity.
  const permission = mockApis.permission.factory();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [permission.api, permission.factory({})],
        [catalogApiRef, catalogApi],
        // The app's own factory would build a catalog client of its own.
        [
          entityPresentationApiRef,
          DefaultEntityPresentationApi.create({ catalogApi }),
        ],
        [goldenPathsApiRef, goldenPathsApi],
      ]}
    >
      {routes}
    </TestApiProvider>,
    { routeEntries: [path] },
  );
}

describe('the legacy example app', () => {
  it('lists the golden paths of the catalog at /golden-paths', async () => {
    await renderLegacyApp('/golden-paths');
    expect(
      await screen.findByText('Node.js HTTP service on Kubernetes'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 component · 1 compliant')).toBeInTheDocument();
  });

  it("shows the Golden path card on a following Component's overview", async () => {
    await renderLegacyApp('/catalog/default/component/orders-api');
    expect(
      await screen.findByRole('link', {
        name: 'Node.js HTTP service on Kubernetes',
      }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
    expect(screen.getByText('Golden path')).toBeInTheDocument();
  });

  it('gives a GoldenPath entity page its Golden path tab', async () => {
    await renderLegacyApp('/catalog/default/goldenpath/node-http-service');
    expect(
      await screen.findByRole('tab', { name: 'Golden path' }),
    ).toBeInTheDocument();
  });
});
