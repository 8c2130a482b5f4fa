import '@testing-library/jest-dom';
import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { upgradePlan, upgradeResult } from '../../__testUtils__';
import {
  renderDialog,
  upgradeApi,
} from '../../__testUtils__/renderUpgradeDialog';

/** The test plan, delivered as a pull request on GitHub. */
function pullRequestPlan(overrides: Partial<UpgradePlan> = {}): UpgradePlan {
  return upgradePlan({
    delivery: {
      kind: 'pull-request',
      branch: 'golden-paths/upgrade-node-http-service',
      repository: 'https://github.com/acme/orders-api',
    },
    ...overrides,
  });
}

describe('UpgradeDialog delivering a pull request', () => {
  it('opens a pull request on a Git host and links it', async () => {
    const plan = pullRequestPlan({
      files: [upgradePlan().files[0]],
      summary: { changed: 1, conflicts: 0, flagged: 0 },
      releaseNotes: undefined,
    });
    const goldenPathsApi = upgradeApi({
      planUpgrade: jest.fn().mockResolvedValue(plan),
      runUpgrade: jest.fn().mockResolvedValue(
        upgradeResult(plan, {
          url: 'https://github.com/acme/orders-api/pull/42',
        }),
      ),
    });
    await renderDialog(goldenPathsApi);

    expect(await screen.findByLabelText('Delivery')).toHaveTextContent(
      'Delivered as a pull request from the branch golden-paths/upgrade-node-http-service on https://github.com/acme/orders-api',
    );
    expect(
      screen.queryByRole('region', { name: 'Release notes' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Open pull request' }),
    );
    expect(await screen.findByText('Pull request opened')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the pull request/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/orders-api/pull/42');
    expect(screen.queryByText(/conflict markers/)).not.toBeInTheDocument();
  });

  it('shows release notes and a pull request address that would run script as text', async () => {
    const plan = pullRequestPlan({
      releaseNotes: 'See [the migration guide](javascript:alert(1)).',
    });
    const goldenPathsApi = upgradeApi({
      planUpgrade: jest.fn().mockResolvedValue(plan),
      runUpgrade: jest.fn().mockResolvedValue(
        // eslint-disable-next-line no-script-url -- the attack under test
        upgradeResult(plan, { url: 'javascript:alert(document.cookie)' }),
      ),
    });
    await renderDialog(goldenPathsApi);

    expect(
      await screen.findByText(/See the migration guide/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Open pull request' }),
    );
    expect(await screen.findByText('Pull request opened')).toBeInTheDocument();
    expect(screen.getByText(/Open the pull request/)).toBeInTheDocument();
    for (const link of screen.queryAllByRole('link')) {
      expect(link.getAttribute('href')).not.toMatch(/script/i);
    }
  });
});
