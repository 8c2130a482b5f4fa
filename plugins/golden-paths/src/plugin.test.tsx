import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { GoldenPathsApi } from '@golden-paths/golden-paths-common';
import { screen } from '@testing-library/react';
import { goldenPathsApiRef } from './api';
import { nodeHttpService, summaryOf } from './__testUtils__';
import { GoldenPathsPage, goldenPathsPlugin } from './plugin';
import { Route, Routes } from 'react-router-dom';

describe('the legacy frontend system exports', () => {
  it('declare the plugin with its routes and API', () => {
    expect(goldenPathsPlugin.getId()).toBe('golden-paths');
    expect(Object.keys(goldenPathsPlugin.routes)).toEqual([
      'root',
      'path',
      'editor',
    ]);
    expect(Object.keys(goldenPathsPlugin.externalRoutes)).toEqual(['template']);
    expect([...goldenPathsPlugin.getApis()].map(api => api.api.id)).toEqual([
      'plugin.golden-paths.service',
    ]);
  });

  it('render the Golden Paths page with the figures from the backend', async () => {
    const goldenPathsApi: Partial<GoldenPathsApi> = {
      listPaths: async () => ({
        items: [summaryOf(nodeHttpService, { adoption: 12, compliant: 9 })],
      }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApiMock({ entities: [nodeHttpService] })],
          [goldenPathsApiRef, goldenPathsApi],
        ]}
      >
        <Routes>
          <Route path="/golden-paths/*" element={<GoldenPathsPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/golden-paths'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByText('Node.js HTTP service on Kubernetes'),
    ).toBeInTheDocument();
    expect(screen.getByText('12 components · 9 compliant')).toBeInTheDocument();
  });
});
