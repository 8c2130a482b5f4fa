import '@testing-library/jest-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  GoldenPathsApi,
  PathUpgradePlans,
} from '@golden-paths/golden-paths-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { goldenPathsApiRef } from '../../api';
import { backendError, upgradePlan } from '../../__testUtils__';
import { GoldenPathUpgradePlans } from './GoldenPathUpgradePlans';

const PATH = 'goldenpath:default/node-http-service';

const summary = (changed: number, conflicts: number, flagged: number) => ({
  changed,
  conflicts,
  flagged,
});

const plans: PathUpgradePlans = {
  path: { entityRef: PATH, title: 'Node.js HTTP service', version: '2.1.0' },
  // Deliberately not in version order: the view orders them itself.
  followers: [
    {
      entityRef: 'component:default/orders-api',
      title: 'Orders API',
      version: '2.0.3',
      plan: {
        fromVersion: '2.0.3',
        toVersion: '2.1.0',
        mode: 'merge',
        summary: summary(4, 1, 2),
      },
    },
    {
      entityRef: 'component:default/payments',
      version: '1.9.0',
      plan: {
        fromVersion: '1.9.0',
        toVersion: '2.1.0',
        mode: 'recopy',
        recopyReason: 'Version 1.9.0 is no longer in the template repository.',
        summary: summary(7, 0, 3),
      },
    },
    {
      entityRef: 'component:default/ledger',
      version: '1.9.0',
      error: 'No scaffold record: .golden-paths/scaffold.yaml is missing.',
    },
    {
      entityRef: 'component:default/refunds',
      version: '2.0.3',
      plan: {
        fromVersion: '2.0.3',
        toVersion: '2.1.0',
        mode: 'merge',
        summary: summary(1, 0, 0),
      },
    },
  ],
};

async function renderPlans(api: Partial<GoldenPathsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
      <GoldenPathUpgradePlans pathRef={PATH} version="2.1.0" behind={4} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => row.textContent);

describe('GoldenPathUpgradePlans', () => {
  it('plans on demand and lists the followers by version, oldest first', async () => {
    const planUpgrades = jest.fn().mockResolvedValue(plans);
    await renderPlans({ planUpgrades });

    expect(
      screen.getByText(/4 followers are behind version 2.1.0/),
    ).toBeInTheDocument();
    expect(planUpgrades).not.toHaveBeenCalled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan upgrades' }),
    );

    const tables = await screen.findAllByRole('table');
    expect(planUpgrades).toHaveBeenCalledWith(PATH);
    expect(tables.map(t => t.getAttribute('aria-label'))).toEqual([
      'Followers on version 1.9.0',
      'Followers on version 2.0.3',
    ]);
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual([
      'Version 1.9.0 → 2.1.0 · 2 followers',
      'Version 2.0.3 → 2.1.0 · 2 followers',
    ]);

    const [oldest, newer] = tables;
    expect(rowsOf(oldest)).toEqual([
      expect.stringMatching(
        /^payments\s*recopy7 files to change · 0 conflicts · 3 flaggedUpgrade$/,
      ),
      'ledgerNo scaffold record: .golden-paths/scaffold.yaml is missing.',
    ]);
    expect(rowsOf(newer)).toEqual([
      expect.stringMatching(
        /^Orders API\s*merge4 files to change · 1 conflict · 2 flaggedUpgrade$/,
      ),
      expect.stringMatching(
        /^refunds\s*merge1 file to change · 0 conflicts · 0 flaggedUpgrade$/,
      ),
    ]);
    expect(
      within(newer).getByRole('link', { name: 'Orders API' }),
    ).toHaveAttribute('href', '/catalog/default/component/orders-api');
    // No plan, nothing to upgrade from here.
    expect(
      within(oldest).queryByRole('button', { name: 'Upgrade ledger' }),
    ).toBeNull();
  });

  it('opens the upgrade dialog of a follower, which plans that one component', async () => {
    const planUpgrade = jest.fn().mockResolvedValue(
      upgradePlan({
        entityRef: 'component:default/orders-api',
        fromVersion: '2.0.3',
      }),
    );
    const runUpgrade = jest.fn();
    await renderPlans({
      planUpgrades: jest.fn().mockResolvedValue(plans),
      planUpgrade,
      runUpgrade,
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan upgrades' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Upgrade Orders API' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Upgrade Orders API',
    });
    await within(dialog).findByRole('table', { name: 'Files' });
    expect(dialog).toHaveTextContent('version 2.0.3 → 2.1.0');
    expect(planUpgrade).toHaveBeenCalledWith('component:default/orders-api');
    expect(runUpgrade).not.toHaveBeenCalled();
  });

  it('says how many followers behind were left out of the plans', async () => {
    await renderPlans({
      planUpgrades: jest.fn().mockResolvedValue({ ...plans, omitted: 12 }),
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan upgrades' }),
    );
    expect(
      await screen.findByText(
        /^12 more followers are behind and not planned here/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/this view plans the 4 on the oldest/),
    ).toBeInTheDocument();
  });

  it('says when every follower is on the path’s version', async () => {
    await renderPlans({
      planUpgrades: jest.fn().mockResolvedValue({
        path: plans.path,
        followers: [],
      }),
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan upgrades' }),
    );
    expect(
      await screen.findByText('Every follower is on version 2.1.0.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows why the plans failed and plans again', async () => {
    const planUpgrades = jest
      .fn()
      .mockRejectedValueOnce(
        await backendError(503, 'Service Unavailable', 'template unreachable'),
      )
      .mockResolvedValueOnce(plans);
    await renderPlans({ planUpgrades });
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan upgrades' }),
    );

    expect(
      await screen.findByText('Could not plan the upgrades', { exact: false }),
    ).toBeInTheDocument();
    // The panel shows the backend's words (and again in the full JSON).
    expect(screen.getAllByText(/template unreachable/)[0]).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('table', { name: 'Followers on version 1.9.0' }),
    ).toBeInTheDocument();
    expect(planUpgrades).toHaveBeenCalledTimes(2);
  });
});
