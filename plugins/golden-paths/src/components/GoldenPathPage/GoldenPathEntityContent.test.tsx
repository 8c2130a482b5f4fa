import '@testing-library/jest-dom';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { GoldenPathsApi } from '@golden-paths/golden-paths-common';
import { screen, within } from '@testing-library/react';
import { goldenPathsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { GoldenPathEntityContent } from './GoldenPathEntityContent';
import {
  follower,
  history,
  nodeDetails,
  nodePath,
  nodeTemplate,
} from '../../__testUtils__';

function renderContent(entity: Entity, mountedRoutes: Record<string, any>) {
  const api = {
    getPath: jest.fn().mockResolvedValue(nodeDetails),
    listFollowers: jest.fn().mockResolvedValue({ items: [follower('orders')] }),
    getHistory: jest.fn().mockResolvedValue({ items: history }),
  } as unknown as GoldenPathsApi;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApiMock({ entities: [nodePath, nodeTemplate] })],
        [goldenPathsApiRef, api],
      ]}
    >
      <EntityProvider entity={entity}>
        <GoldenPathEntityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes },
  );
}

describe('GoldenPathEntityContent', () => {
  it('shows the path in context, with figures, without a page header', async () => {
    await renderContent(nodePath, {
      '/golden-paths': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    });

    expect(await screen.findByLabelText('Figures')).toBeInTheDocument();
    expect(document.querySelector('h1')).toBeNull();
    expect(screen.getByText('Scaffold the service')).toBeInTheDocument();
    expect(
      within(await screen.findByLabelText('Followers')).getByText('orders'),
    ).toBeInTheDocument();
    // From the entity page, the card leads to the path's own page.
    expect(
      screen.getByText('Open on Golden Paths').closest('a'),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
    // Without a template route bound, there is no Start button.
    expect(screen.queryAllByLabelText(/^Start/)).toHaveLength(0);
  });

  it('works in apps that do not mount the Golden Paths page', async () => {
    await renderContent(nodePath, {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    });
    expect(await screen.findByLabelText('Figures')).toBeInTheDocument();
    expect(screen.queryByText('Open on Golden Paths')).not.toBeInTheDocument();
  });

  it('says so when the entity is not a golden path', async () => {
    await renderContent(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orders' },
      },
      { '/catalog/:namespace/:kind/:name': entityRouteRef },
    );
    expect(
      screen.getByText(/This tab is for GoldenPath entities/),
    ).toBeInTheDocument();
  });
});
