import '@testing-library/jest-dom';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { GoldenPathsApi } from '@golden-paths/golden-paths-common';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { goldenPathsApiRef } from '../../api';
import { GoldenPathPage } from './GoldenPathPage';
import {
  backendError,
  follower,
  history,
  legacyPath,
  nodeDetails,
  nodePath,
  nodeTemplate,
  mountedRoutes,
  ownerPasses,
  sbomFails,
} from '../../__testUtils__';

function goldenPathsApi(
  overrides: Partial<GoldenPathsApi> = {},
): jest.Mocked<GoldenPathsApi> {
  return {
    listPaths: jest.fn(),
    getPath: jest.fn().mockResolvedValue(nodeDetails),
    listFollowers: jest.fn().mockResolvedValue({
      items: [
        follower('orders'),
        follower('payments', {
          compliant: false,
          drift: {
            status: 'minor-behind',
            currentVersion: '2.0.3',
            latestVersion: '2.1.0',
            deprecated: false,
          },
          checks: [ownerPasses, sbomFails],
        }),
      ],
    }),
    getHistory: jest.fn().mockResolvedValue({ items: history }),
    getEntityResult: jest.fn(),
    refresh: jest.fn(),
    validate: jest.fn(),
    planUpgrade: jest.fn(),
    runUpgrade: jest.fn(),
    planUpgrades: jest.fn(),
    ...overrides,
  } as jest.Mocked<GoldenPathsApi>;
}

async function renderPage(
  path: string,
  api: GoldenPathsApi = goldenPathsApi(),
) {
  const catalogApi = catalogApiMock({
    entities: [nodePath, legacyPath, nodeTemplate],
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [goldenPathsApiRef, api],
      ]}
    >
      <Routes>
        <Route
          path="/golden-paths/:namespace/:name"
          element={<GoldenPathPage />}
        />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [path], mountedRoutes },
  );
}

describe('GoldenPathPage', () => {
  it('shows the path from the catalog with its figures from the backend', async () => {
    const api = goldenPathsApi();
    await renderPage('/golden-paths/default/node-http-service', api);

    expect(
      await screen.findByText('Node.js HTTP service on Kubernetes', {
        selector: 'h1',
      }),
    ).toBeInTheDocument();
    expect(api.getPath).toHaveBeenCalledWith(
      'goldenpath:default/node-http-service',
    );

    // Figures
    const figures = await screen.findByLabelText('Figures');
    expect(within(figures).getByText('Followers')).toBeInTheDocument();
    expect(within(figures).getByText('12')).toBeInTheDocument();
    expect(within(figures).getByText('75%')).toBeInTheDocument();
    expect(
      within(figures).getByText('9 of 12 pass every check'),
    ).toBeInTheDocument();
    expect(within(figures).getByText('Behind')).toBeInTheDocument();
    expect(within(figures).getByText('4')).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();

    // Overview, stack, guarantees with pass ratios, templates
    expect(
      screen.getByText('Fastify documentation').closest('a'),
    ).toHaveAttribute('href', 'https://fastify.dev/');
    expect(screen.getByText('View in catalog').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/goldenpath/node-http-service',
    );
    expect(
      within(screen.getByLabelText('Stack')).getByText('TypeScript'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('SBOM: share of followers passing'),
    ).toHaveAttribute('aria-valuenow', '75');
    expect(screen.getByText('9 pass · 3 fail · 0 unknown')).toBeInTheDocument();
    expect(
      await screen.findByLabelText('Start Node.js HTTP service'),
    ).toHaveAttribute('href', '/create/templates/default/node-http-service');

    // Versions, history, followers
    const versions = screen.getByLabelText('Versions in use');
    expect(within(versions).getByText('current')).toBeInTheDocument();
    expect(
      await screen.findByLabelText('Adoption and compliance over time'),
    ).toHaveAttribute('role', 'img');
    const followers = await screen.findByLabelText('Followers');
    expect(within(followers).getByText('payments')).toBeInTheDocument();
    expect(within(followers).getByText('SBOM')).toBeInTheDocument();
    expect(api.listFollowers).toHaveBeenCalledWith(
      'goldenpath:default/node-http-service',
      { limit: 20, cursor: undefined },
    );

    // Upgrades: the behind follower can upgrade; the plans wait to be asked for.
    expect(
      within(followers).getByRole('button', { name: 'Upgrade payments' }),
    ).toBeInTheDocument();
    expect(
      within(followers).queryByRole('button', { name: 'Upgrade orders' }),
    ).toBeNull();
    expect(
      screen.getByText(/4 followers are behind version 2.1.0/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Plan upgrades' }),
    ).toBeInTheDocument();
    expect(api.planUpgrades).not.toHaveBeenCalled();
    expect(api.planUpgrade).not.toHaveBeenCalled();
  });

  it('keeps the catalog content and explains when the backend fails', async () => {
    const api = goldenPathsApi({
      getPath: jest
        .fn()
        .mockRejectedValue(
          await backendError(503, 'Service Unavailable', 'down'),
        ),
    });
    await renderPage('/golden-paths/default/node-http-service', api);

    expect(await screen.findByText('Figures unavailable')).toBeInTheDocument();
    expect(
      screen.getByText(/The Golden Paths backend did not answer/),
    ).toBeInTheDocument();
    expect(screen.getByText('Stack', { selector: 'h2' })).toBeInTheDocument();
    expect(screen.getByText('Scaffold the service')).toBeInTheDocument();
    // The guarantees come from the spec, without figures.
    expect(screen.getByText('Continuous integration')).toBeInTheDocument();
    expect(
      screen.queryAllByLabelText(/share of followers passing/),
    ).toHaveLength(0);
    expect(screen.queryByLabelText('Followers')).toBeNull();
    expect(api.listFollowers).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Plan upgrades' })).toBeNull();
  });

  it('says a path was not evaluated yet when the backend has no figures for it', async () => {
    const api = goldenPathsApi({
      getPath: jest
        .fn()
        .mockRejectedValue(
          await backendError(404, 'Not Found', 'not evaluated yet'),
        ),
    });
    await renderPage('/golden-paths/default/node-http-service', api);

    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    expect(screen.getByText('Overview')).toBeInTheDocument();
  });

  it('shows a not-found state with a way back for an unknown path', async () => {
    await renderPage('/golden-paths/default/no-such-path');

    expect(
      await screen.findByText('No golden path default/no-such-path'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Back to Golden Paths' }),
    ).toHaveAttribute('href', '/golden-paths');
    expect(
      screen.getByRole('button', { name: 'How to write a GoldenPath' }),
    ).toHaveAttribute('href', '/golden-paths/editor');
  });

  it('links a deprecated path to its replacement', async () => {
    await renderPage(
      '/golden-paths/default/node-express-legacy',
      goldenPathsApi({
        getPath: jest
          .fn()
          .mockRejectedValue(await backendError(404, 'Not Found', 'nope')),
      }),
    );

    expect(
      await screen.findByText('This golden path is deprecated'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', {
        name: 'Node.js HTTP service on Kubernetes',
      }),
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
  });
});
