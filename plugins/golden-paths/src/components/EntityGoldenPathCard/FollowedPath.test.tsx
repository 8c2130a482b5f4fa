import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntityResult } from '@golden-paths/golden-paths-common';
import { upgradePlan } from '../../__testUtils__';
import {
  component,
  following,
  renderCard,
} from '../../__testUtils__/renderEntityCard';

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

/** orders-api, following node-http-service at a version. */
const ordersApi = (version?: string) =>
  component(
    'orders-api',
    'service',
    following('goldenpath:default/node-http-service', version),
  );

describe('EntityGoldenPathCard for a component that follows a path', () => {
  it('shows the path, its drift and each check with the reason and the fix', async () => {
    const api = await renderCard(ordersApi('2.0.0'), {
      goldenPathsApi: {
        getEntityResult: jest.fn().mockResolvedValue(followerResult),
      },
    });
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
    expect(screen.getByTestId('lifecycle-chip')).toHaveTextContent('supported');
    expect(screen.getByText('Version 2.0.0, latest 2.1.0')).toBeInTheDocument();
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
    expect(within(failing).getByText('Resource requests')).toBeInTheDocument();
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
    await renderCard(ordersApi('2.0.0'), {
      goldenPathsApi: {
        getEntityResult: jest.fn().mockResolvedValue(followerResult),
        planUpgrade,
      },
    });
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
      await renderCard(ordersApi(currentVersion), {
        goldenPathsApi: {
          getEntityResult: jest.fn().mockResolvedValue({
            ...followerResult,
            drift: { ...followerResult.drift, status, currentVersion },
          }),
        },
      });
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
    ).toHaveAttribute('href', '/golden-paths/default/node-http-service-legacy');
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
    await renderCard(ordersApi('2.0.0'), {
      goldenPathsApi: { getEntityResult },
    });
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
