import '@testing-library/jest-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { GoldenPathsApi } from '@golden-paths/golden-paths-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { goldenPathsApiRef } from '../../api';
import {
  follower,
  ownerPasses,
  sbomFails,
  upgradePlan,
} from '../../__testUtils__';
import { GoldenPathFollowersTable } from './GoldenPathFollowersTable';

const PATH = 'goldenpath:default/node-http-service';

function renderTable(
  listFollowers: jest.Mock,
  more: Partial<GoldenPathsApi> = {},
) {
  const api = { listFollowers, ...more } as unknown as GoldenPathsApi;
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
      <GoldenPathFollowersTable pathRef={PATH} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('GoldenPathFollowersTable', () => {
  it('pages forward with the next cursor and back with the previous one', async () => {
    const listFollowers = jest.fn(
      async (_ref: string, request: { cursor?: string }) => {
        if (request.cursor === 'page-2') {
          return { items: [follower('second-page-service')] };
        }
        return {
          items: [follower('first-page-service')],
          nextCursor: 'page-2',
        };
      },
    );
    await renderTable(listFollowers);

    expect(await screen.findByText('first-page-service')).toBeInTheDocument();
    expect(listFollowers).toHaveBeenLastCalledWith(PATH, {
      limit: 20,
      cursor: undefined,
    });
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('second-page-service')).toBeInTheDocument();
    expect(listFollowers).toHaveBeenLastCalledWith(PATH, {
      limit: 20,
      cursor: 'page-2',
    });
    expect(screen.queryByText('first-page-service')).not.toBeInTheDocument();
    // The last page: no cursor, so nothing further.
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(await screen.findByText('first-page-service')).toBeInTheDocument();
    expect(listFollowers).toHaveBeenLastCalledWith(PATH, {
      limit: 20,
      cursor: undefined,
    });
  });

  it('starts over from the first page with another page size', async () => {
    const listFollowers = jest.fn(async () => ({
      items: [follower('orders')],
      nextCursor: 'more',
    }));
    await renderTable(listFollowers);
    await screen.findByText('orders');

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(listFollowers).toHaveBeenLastCalledWith(PATH, {
        limit: 20,
        cursor: 'more',
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: /Followers per page/ }),
    );
    await userEvent.click(await screen.findByRole('option', { name: '50' }));
    await waitFor(() =>
      expect(listFollowers).toHaveBeenLastCalledWith(PATH, {
        limit: 50,
        cursor: undefined,
      }),
    );
  });

  it('shows version, drift, compliance and each failing check with its reason', async () => {
    const listFollowers = jest.fn(async () => ({
      items: [
        follower('payments', {
          owner: 'group:default/team-b',
          compliant: false,
          drift: {
            status: 'major-behind',
            currentVersion: '1.9.0',
            latestVersion: '2.1.0',
            deprecated: false,
          },
          checks: [
            ownerPasses,
            sbomFails,
            {
              id: 'autoscaling',
              title: 'Autoscaling',
              status: 'unknown',
              reason: 'k8s/ could not be read',
            },
          ],
        }),
      ],
    }));
    await renderTable(listFollowers);

    const table = await screen.findByRole('table', { name: 'Followers' });
    const row = within(table).getByText('payments').closest('tr')!;
    expect(within(row).getByText('payments').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/payments',
    );
    expect(within(row).getByText('team-b')).toBeInTheDocument();
    expect(within(row).getByText('1.9.0')).toBeInTheDocument();
    expect(within(row).getByText('major version behind')).toBeInTheDocument();
    expect(within(row).getByText('1/3')).toBeInTheDocument();
    // The reason is the failing title's tooltip (its title while closed).
    expect(within(row).getByTitle('no SBOM step in ci.yaml')).toHaveTextContent(
      'SBOM',
    );

    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Show the checks payments does not pass',
      }),
    );
    expect(
      within(row).getByRole('button', {
        name: 'Hide the checks payments does not pass',
      }),
    ).toHaveAttribute('aria-expanded', 'true');
    const details = await screen.findByRole('list', {
      name: 'Checks payments does not pass',
    });
    expect(
      within(details).getByText('Fix: add anchore/sbom-action'),
    ).toBeInTheDocument();
    expect(
      within(details).getByText('k8s/ could not be read'),
    ).toBeInTheDocument();
  });

  it('offers an upgrade on the followers that are behind, and only on those', async () => {
    const listFollowers = jest.fn(async () => ({
      items: [
        follower('orders'),
        follower('payments', {
          drift: {
            status: 'patch-behind',
            currentVersion: '2.1.0',
            latestVersion: '2.1.1',
            deprecated: false,
          },
        }),
        follower('ledger', {
          drift: {
            status: 'ahead',
            currentVersion: '3.0.0',
            latestVersion: '2.1.1',
            deprecated: false,
          },
        }),
      ],
    }));
    const planUpgrade = jest
      .fn()
      .mockResolvedValue(
        upgradePlan({ entityRef: 'component:default/payments' }),
      );
    await renderTable(listFollowers, { planUpgrade });
    const table = await screen.findByRole('table', { name: 'Followers' });
    expect(
      within(table)
        .getAllByRole('button', { name: /^Upgrade / })
        .map(b => b.getAttribute('aria-label')),
    ).toEqual(['Upgrade payments']);

    await userEvent.click(
      within(table).getByRole('button', { name: 'Upgrade payments' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Upgrade payments' }),
    ).toBeInTheDocument();
    expect(planUpgrade).toHaveBeenCalledWith('component:default/payments');
  });

  it('says when no component follows the path', async () => {
    await renderTable(jest.fn(async () => ({ items: [] })));
    expect(
      await screen.findByText(/No component follows this path yet/),
    ).toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    const listFollowers = jest
      .fn()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValue({ items: [follower('orders')] });
    await renderTable(listFollowers);

    expect(
      await screen.findByText('Could not load the followers', { exact: false }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('orders')).toBeInTheDocument();
  });
});
