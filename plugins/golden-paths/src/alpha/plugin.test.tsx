import { renderTestApp } from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { GoldenPathsApi } from '@golden-paths/golden-paths-common';
import { screen } from '@testing-library/react';
import { goldenPathsApiRef } from '../api';
import { nodeHttpService, summaryOf } from '../__testUtils__';
import goldenPathsPlugin from './index';

describe('the new frontend system plugin', () => {
  it('provides the API, the page, the entity card and tab and the form field', () => {
    for (const id of [
      'api:golden-paths',
      'page:golden-paths',
      'entity-card:golden-paths/golden-path',
      'entity-content:golden-paths/golden-path',
      'scaffolder-form-field:golden-paths/cost-preview',
    ]) {
      expect(goldenPathsPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('serves the Golden Paths page at /golden-paths in an app', async () => {
    const goldenPathsApi: Partial<GoldenPathsApi> = {
      listPaths: async () => ({
        items: [summaryOf(nodeHttpService, { adoption: 3, compliant: 3 })],
      }),
    };
    renderTestApp({
      features: [goldenPathsPlugin],
      initialRouteEntries: ['/golden-paths'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
      apis: [
        [catalogApiRef, catalogApiMock({ entities: [nodeHttpService] })],
        [goldenPathsApiRef, goldenPathsApi as GoldenPathsApi],
      ],
    });
    expect(
      await screen.findByText('Node.js HTTP service on Kubernetes'),
    ).toBeInTheDocument();
    expect(screen.getByText('3 components · 3 compliant')).toBeInTheDocument();
  });
});
