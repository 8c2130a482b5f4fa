import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type {
  EntityResult,
  GoldenPathEntityV1alpha1,
  GoldenPathsApi,
} from '@golden-paths/golden-paths-common';
import { goldenPathsApiRef } from '../../api';
import { upgradePlan } from '../UpgradeDialog/testData';
import { rootRouteRef } from '../../routes';
import { EntityGoldenPathCard } from './EntityGoldenPathCard';

function component(
  name: string,
  type: string | undefined,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      ...(type ? { type } : {}),
      lifecycle: 'production',
      owner: 'group:default/payments-team',
    },
  };
}

function goldenPath(
  name: string,
  spec: Partial<GoldenPathEntityV1alpha1['spec']>,
  metadata: Partial<GoldenPathEntityV1alpha1['metadata']> = {},
): GoldenPathEntityV1alpha1 {
  return {
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name, namespace: 'default', ...metadata },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category: 'service',
      version: '1.0.0',
      templates: [`template:default/${name}`],
      ...spec,
    },
  };
}

function template(name: string, type: string): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, namespace: 'default' },
    spec: { type, owner: 'group:default/platform-team', steps: [] },
  };
}

const catalogEntities: Entity[] = [
  goldenPath(
    'node-http-service',
    { version: '2.1.0' },
    {
      title: 'Node.js HTTP service on Kubernetes',
      description: 'Fastify service with OpenTelemetry.',
    },
  ),
  goldenPath(
    'node-http-service-legacy',
    {
      version: '1.6.0',
      lifecycle: 'deprecated',
      replacedBy: 'goldenpath:default/node-http-service',
    },
    { title: 'Node.js HTTP service (legacy)' },
  ),
  goldenPath(
    'python-data-pipeline',
    { category: 'data', version: '1.4.0' },
    { title: 'Python data pipeline' },
  ),
  goldenPath(
    'spark-job',
    { category: 'data', version: '1.2.0', lifecycle: 'beta' },
    { title: 'Spark job' },
  ),
  goldenPath(
    'react-frontend',
    { category: 'frontend', version: '3.0.0' },
    { title: 'React frontend' },
  ),
  template('node-http-service', 'service'),
  template('python-data-pipeline', 'data-pipeline'),
  template('spark-job', 'data-pipeline'),
  template('react-frontend', 'edge-site'),
];

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

const followerResult: EntityResult = {
  entityRef: 'component:default/orders-api',
  pathRef: 'goldenpath:default/node-http-service',
  drift: {
    status: 'minor-behind',
    currentVersion: '2.0.0',
    latestVersion: '2.1.0',
    deprecated: false,
  },
  checks: [
    {
      id: 'owner',
      title: 'Owner',
      status: 'pass',
      reason: 'spec.owner is group:default/payments-team.',
    },
    {
      id: 'sbom',
      title: 'SBOM',
      status: 'unknown',
      reason: 'The CI workflow could not be read.',
      fix: 'Add the `backstage.io/source-location` annotation.',
    },
    {
      id: 'resource-requests',
      title: 'Resource requests',
      status: 'fail',
      reason: 'No `resources.requests` in k8s/deployment.yaml.',
      fix: 'Set `resources.requests.cpu` and `resources.requests.memory` on every container.',
    },
  ],
  compliant: false,
  evaluatedAt: minutesAgo(5),
  path: {
    ref: 'goldenpath:default/node-http-service',
    title: 'Node.js HTTP service on Kubernetes',
    version: '2.1.0',
    lifecycle: 'supported',
  },
};

const legacyResult: EntityResult = {
  entityRef: 'component:default/ledger-exporter',
  pathRef: 'goldenpath:default/node-http-service-legacy',
  drift: {
    status: 'up-to-date',
    currentVersion: '1.6.0',
    latestVersion: '1.6.0',
    deprecated: true,
    replacedBy: 'goldenpath:default/node-http-service',
  },
  checks: [
    {
      id: 'owner',
      title: 'Owner',
      status: 'pass',
      reason: 'spec.owner is group:default/payments-team.',
    },
  ],
  compliant: true,
  evaluatedAt: minutesAgo(120),
  path: {
    ref: 'goldenpath:default/node-http-service-legacy',
    title: 'Node.js HTTP service (legacy)',
    version: '1.6.0',
    lifecycle: 'deprecated',
    replacedBy: 'goldenpath:default/node-http-service',
  },
};

const following = (path: string, version?: string) => ({
  'golden-paths.dev/path': path,
  ...(version ? { 'golden-paths.dev/path-version': version } : {}),
});

async function renderCard(
  entity: Entity,
  options: {
    goldenPathsApi?: Partial<GoldenPathsApi>;
    catalogApi?: unknown;
  } = {},
) {
  const goldenPathsApi = {
    getEntityResult: jest.fn().mockResolvedValue(undefined),
    ...options.goldenPathsApi,
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [goldenPathsApiRef, goldenPathsApi],
        [
          catalogApiRef,
          options.catalogApi ?? catalogApiMock({ entities: catalogEntities }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityGoldenPathCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/golden-paths': rootRouteRef } },
  );
  return goldenPathsApi;
}

describe('EntityGoldenPathCard', () => {
  describe('for a component that follows a path', () => {
    it('shows the path, its drift and each check with the reason and the fix', async () => {
      const api = await renderCard(
        component(
          'orders-api',
          'service',
          following('goldenpath:default/node-http-service', '2.0.0'),
        ),
        {
          goldenPathsApi: {
            getEntityResult: jest.fn().mockResolvedValue(followerResult),
          },
        },
      );
      expect(api.getEntityResult).toHaveBeenCalledWith(
        'component:default/orders-api',
      );
      expect(screen.getByText('Golden path')).toBeInTheDocument();

      const link = await screen.findByRole('link', {
        name: 'Node.js HTTP service on Kubernetes',
      });
      expect(link).toHaveAttribute(
        'href',
        '/golden-paths/default/node-http-service',
      );
      expect(screen.getByTestId('lifecycle-chip')).toHaveTextContent(
        'supported',
      );
      expect(
        screen.getByText('Version 2.0.0, latest 2.1.0'),
      ).toBeInTheDocument();
      expect(screen.getByTestId('drift-badge')).toHaveTextContent(
        'minor version behind',
      );
      expect(screen.getByText(/The path moved on/)).toBeInTheDocument();
      expect(screen.getByText('1 of 3 checks pass')).toBeInTheDocument();

      const checks = within(screen.getByRole('list', { name: 'Checks' }))
        .getAllByRole('listitem')
        .map(item => item.getAttribute('data-testid'));
      expect(checks).toEqual([
        'check-resource-requests',
        'check-sbom',
        'check-owner',
      ]);

      const failing = screen.getByTestId('check-resource-requests');
      expect(within(failing).getByText('fail')).toBeInTheDocument();
      expect(
        within(failing).getByText('Resource requests'),
      ).toBeInTheDocument();
      expect(failing).toHaveTextContent(
        'No resources.requests in k8s/deployment.yaml.',
      );
      expect(
        within(failing).getByText('resources.requests', { selector: 'code' }),
      ).toBeInTheDocument();
      expect(failing).toHaveTextContent(
        'How to fix: Set resources.requests.cpu and resources.requests.memory on every container.',
      );

      const unknown = screen.getByTestId('check-sbom');
      expect(within(unknown).getByText('unknown')).toBeInTheDocument();
      expect(unknown).toHaveTextContent(
        'How to fix: Add the backstage.io/source-location annotation.',
      );

      const passing = screen.getByTestId('check-owner');
      expect(within(passing).getByText('pass')).toBeInTheDocument();
      expect(passing).toHaveTextContent(
        'spec.owner is group:default/payments-team.',
      );
      expect(passing).not.toHaveTextContent('How to fix');

      expect(screen.getByText('5 minutes ago')).toHaveAttribute(
        'datetime',
        followerResult.evaluatedAt,
      );
      expect(screen.getByText(/Evaluated/)).toBeInTheDocument();
    });

    it('offers an upgrade when the component is behind, planned only when opened', async () => {
      const planUpgrade = jest.fn().mockResolvedValue(upgradePlan());
      await renderCard(
        component(
          'orders-api',
          'service',
          following('goldenpath:default/node-http-service', '2.0.0'),
        ),
        {
          goldenPathsApi: {
            getEntityResult: jest.fn().mockResolvedValue(followerResult),
            planUpgrade,
          },
        },
      );
      const button = await screen.findByRole('button', { name: 'Upgrade' });
      // Next to the drift badge, on the version line.
      expect(button.parentElement).toContainElement(
        screen.getByTestId('drift-badge'),
      );
      expect(planUpgrade).not.toHaveBeenCalled();

      await userEvent.click(button);
      const dialog = await screen.findByRole('dialog', {
        name: 'Upgrade orders-api',
      });
      expect(
        await within(dialog).findByRole('table', { name: 'Files' }),
      ).toBeInTheDocument();
      expect(planUpgrade).toHaveBeenCalledWith('component:default/orders-api');
    });

    it.each([
      ['up-to-date', '2.1.0'],
      ['ahead', '2.2.0'],
      ['unknown', undefined],
    ] as const)(
      'offers no upgrade when the drift is %s',
      async (status, currentVersion) => {
        await renderCard(
          component(
            'orders-api',
            'service',
            following('goldenpath:default/node-http-service', currentVersion),
          ),
          {
            goldenPathsApi: {
              getEntityResult: jest.fn().mockResolvedValue({
                ...followerResult,
                drift: { ...followerResult.drift, status, currentVersion },
              }),
            },
          },
        );
        expect(await screen.findByTestId('drift-badge')).toBeInTheDocument();
        expect(
          screen.queryByRole('button', { name: 'Upgrade' }),
        ).not.toBeInTheDocument();
        expect(screen.queryByText(/The path moved on/)).not.toBeInTheDocument();
      },
    );

    it('shows a deprecated path with the link to its replacement', async () => {
      await renderCard(
        component(
          'ledger-exporter',
          'service',
          following('goldenpath:default/node-http-service-legacy', '1.6.0'),
        ),
        {
          goldenPathsApi: {
            getEntityResult: jest.fn().mockResolvedValue(legacyResult),
          },
        },
      );
      expect(
        await screen.findByRole('link', {
          name: 'Node.js HTTP service (legacy)',
        }),
      ).toHaveAttribute(
        'href',
        '/golden-paths/default/node-http-service-legacy',
      );
      expect(screen.getByTestId('lifecycle-chip')).toHaveTextContent(
        'deprecated',
      );
      expect(screen.getByTestId('drift-badge')).toHaveTextContent(
        'path deprecated',
      );
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('This golden path is deprecated');
      expect(
        within(alert).getByRole('link', { name: 'node-http-service' }),
      ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
      expect(screen.getByText('1 of 1 checks pass')).toBeInTheDocument();
      expect(screen.getByText('2 hours ago')).toBeInTheDocument();
    });

    it('says when the component was not evaluated yet, and links the annotated path', async () => {
      await renderCard(
        component(
          'refund-service',
          'service',
          following('goldenpath:default/node-http-service', '2.1.0'),
        ),
      );
      expect(await screen.findByText(/Not evaluated yet/)).toHaveTextContent(
        'checks every component that follows a path on a schedule',
      );
      expect(
        screen.getByRole('link', { name: 'node-http-service' }),
      ).toHaveAttribute('href', '/golden-paths/default/node-http-service');
      expect(screen.getByText('at version 2.1.0')).toBeInTheDocument();
    });

    it('shows a backend error with the annotated path, and tries again', async () => {
      const getEntityResult = jest
        .fn()
        .mockRejectedValueOnce(
          new Error('Request failed with 503 Service Unavailable'),
        )
        .mockResolvedValueOnce(followerResult);
      await renderCard(
        component(
          'orders-api',
          'service',
          following('goldenpath:default/node-http-service', '2.0.0'),
        ),
        { goldenPathsApi: { getEntityResult } },
      );
      expect(
        await screen.findByText('Error: Could not load the golden path checks'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/Request failed with 503 Service Unavailable/),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'node-http-service' }),
      ).toHaveAttribute('href', '/golden-paths/default/node-http-service');

      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('1 of 3 checks pass')).toBeInTheDocument();
      expect(getEntityResult).toHaveBeenCalledTimes(2);
    });

    it('explains an annotation that is not a golden path reference', async () => {
      await renderCard(
        component('odd', 'service', following('component:default/orders-api')),
      );
      expect(
        await screen.findByText(
          'Warning: The golden-paths.dev/path annotation is not a golden path reference',
        ),
      ).toBeInTheDocument();
    });
  });

  describe('for a component that follows no path', () => {
    it('suggests the paths of its type with a copyable adoption snippet', async () => {
      const api = await renderCard(
        component('currency-rates-cache', 'service'),
      );
      const list = await screen.findByRole('list', {
        name: 'Golden paths that fit',
      });
      expect(api.getEntityResult).not.toHaveBeenCalled();
      expect(
        screen.getByText(/This component follows no golden path\./),
      ).toHaveTextContent('This one fits components of type “service”');

      // The deprecated legacy path is not suggested.
      const links = within(list).getAllByRole('link');
      expect(links.map(l => [l.textContent, l.getAttribute('href')])).toEqual([
        [
          'Node.js HTTP service on Kubernetes',
          '/golden-paths/default/node-http-service',
        ],
      ]);
      expect(list).toHaveTextContent(
        'Fastify service with OpenTelemetry. · version 2.1.0',
      );

      const toggle = screen.getByRole('button', {
        name: 'How to adopt Node.js HTTP service on Kubernetes',
      });
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      const snippet = screen.getByTestId('adoption-snippet');
      await waitFor(() =>
        expect(snippet).toHaveTextContent(
          'metadata: annotations: golden-paths.dev/path: goldenpath:default/node-http-service golden-paths.dev/path-version: 2.1.0',
        ),
      );
      expect(
        within(snippet).getByRole('button', { name: 'Copy text' }),
      ).toBeInTheDocument();

      // Keyboard: the toggle is a real button.
      toggle.focus();
      await userEvent.keyboard('{Enter}');
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await waitFor(() =>
        expect(
          screen.queryByTestId('adoption-snippet'),
        ).not.toBeInTheDocument(),
      );

      expect(
        screen.getByRole('link', { name: 'Browse all golden paths' }),
      ).toHaveAttribute('href', '/golden-paths');
    });

    it('matches by category and by the type its templates create', async () => {
      await renderCard(component('fraud-features', 'data-pipeline'));
      const list = await screen.findByRole('list', {
        name: 'Golden paths that fit',
      });
      expect(
        within(list)
          .getAllByRole('link')
          .map(l => l.textContent),
      ).toEqual(['Python data pipeline', 'Spark job']);
      // Only the first is open; the second opens on demand.
      expect(screen.getAllByTestId('adoption-snippet')).toHaveLength(1);
      await userEvent.click(
        screen.getByRole('button', { name: 'How to adopt Spark job' }),
      );
      const snippets = screen.getAllByTestId('adoption-snippet');
      expect(snippets).toHaveLength(2);
      await waitFor(() =>
        expect(snippets[1]).toHaveTextContent(
          'golden-paths.dev/path: goldenpath:default/spark-job golden-paths.dev/path-version: 1.2.0',
        ),
      );
    });

    it('matches a type only a template knows', async () => {
      await renderCard(component('shop-edge', 'edge-site'));
      const list = await screen.findByRole('list', {
        name: 'Golden paths that fit',
      });
      expect(
        within(list)
          .getAllByRole('link')
          .map(l => l.textContent),
      ).toEqual(['React frontend']);
    });

    it('says when no path fits, with links to the Golden Paths and the editor', async () => {
      await renderCard(component('handbook', 'documentation'));
      expect(
        await screen.findByText(/none fits components of type “documentation”/),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'Browse all golden paths' }),
      ).toHaveAttribute('href', '/golden-paths');
      expect(
        screen.getByRole('link', { name: 'How to write a GoldenPath' }),
      ).toHaveAttribute('href', '/golden-paths/editor');
    });

    it('says when the component has no type', async () => {
      await renderCard(component('mystery', undefined));
      expect(
        await screen.findByText(/it has no spec.type to find a fitting one by/),
      ).toBeInTheDocument();
    });

    it('shows a catalog error and still links the Golden Paths', async () => {
      await renderCard(component('currency-rates-cache', 'service'), {
        catalogApi: catalogApiMock.mock({
          getEntities: jest.fn().mockRejectedValue(new Error('catalog down')),
        }),
      });
      expect(
        await screen.findByText(
          'Error: Could not load the golden paths to suggest one',
        ),
      ).toBeInTheDocument();
      expect(screen.getByText(/catalog down/)).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'Browse all golden paths' }),
      ).toBeInTheDocument();
    });
  });
});
