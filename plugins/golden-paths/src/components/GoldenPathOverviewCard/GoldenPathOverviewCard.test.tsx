import '@testing-library/jest-dom';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { legacyPath, nodePath } from '../GoldenPathPage/testData';
import { GoldenPathOverviewCard } from './GoldenPathOverviewCard';

const mountedRoutes = {
  '/golden-paths': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

describe('GoldenPathOverviewCard', () => {
  it('shows what the catalog says about the path', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApiMock()]]}>
        <GoldenPathOverviewCard entity={nodePath} variant="page" />
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(
      screen.getByText(
        'Fastify service with OpenTelemetry, signed images and HPA.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('service')).toBeInTheDocument();
    expect(screen.getByText('supported')).toBeInTheDocument();
    expect(screen.getByText('platform-team').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/platform-team',
    );
    expect(screen.getByText('2.1.0')).toBeInTheDocument();
    expect(screen.getByText('nodejs')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Fastify documentation/ }),
    ).toHaveAttribute('href', 'https://fastify.dev/');
    expect(screen.getByText('View in catalog').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/goldenpath/node-http-service',
    );
    expect(screen.queryByText(/deprecated/)).not.toBeInTheDocument();
  });

  it('shows the deprecation notice of a deprecated path', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[[catalogApiRef, catalogApiMock({ entities: [nodePath] })]]}
      >
        <GoldenPathOverviewCard entity={legacyPath} variant="entity" />
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(
      screen.getByText('This golden path is deprecated'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Open on Golden Paths').closest('a'),
    ).toHaveAttribute('href', '/golden-paths/default/node-express-legacy');
  });
});
