import '@testing-library/jest-dom';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { legacyPath, nodePath } from '../../__testUtils__';
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

  it('shows links it cannot open safely as text instead of crashing', async () => {
    const hostile = {
      ...nodePath,
      metadata: {
        ...nodePath.metadata,
        links: [
          // eslint-disable-next-line no-script-url -- the attack under test
          { title: 'Runbook', url: 'javascript:alert(document.cookie)' },
          { title: 'Tab', url: ' \tJaVa\nScRiPt:alert(1)' },
          { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
          { title: 'Docs', url: 'https://docs.example.com/' },
          { title: 'Support', url: 'mailto:platform@example.com' },
        ],
      },
    };
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApiMock()]]}>
        <GoldenPathOverviewCard entity={hostile} variant="page" />
      </TestApiProvider>,
      { mountedRoutes },
    );
    for (const title of ['Runbook', 'Tab', 'Data']) {
      expect(screen.getByText(title, { exact: false })).toBeInTheDocument();
      expect(
        screen.queryByRole('link', { name: new RegExp(title) }),
      ).not.toBeInTheDocument();
    }
    expect(
      screen.getByText(/javascript:alert\(document\.cookie\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Docs/ })).toHaveAttribute(
      'href',
      'https://docs.example.com/',
    );
    expect(screen.getByRole('link', { name: /Support/ })).toHaveAttribute(
      'href',
      'mailto:platform@example.com',
    );
    for (const link of screen.getAllByRole('link')) {
      expect(link.getAttribute('href')).not.toMatch(/script|data:/i);
    }
  });
});
