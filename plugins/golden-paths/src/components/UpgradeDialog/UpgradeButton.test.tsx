import '@testing-library/jest-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORDERS_API } from '../../__testUtils__';
import { goldenPathsApiRef } from '../../api';
import { upgradeApi } from '../../__testUtils__/renderUpgradeDialog';
import { UpgradeButton } from './UpgradeButton';

describe('UpgradeButton', () => {
  it('plans only once opened, and plans afresh on each opening', async () => {
    const goldenPathsApi = upgradeApi();
    await renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, goldenPathsApi]]}>
        <UpgradeButton entityRef={ORDERS_API} title="orders-api" />
      </TestApiProvider>,
    );
    expect(goldenPathsApi.planUpgrade).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Upgrade' }));
    expect(
      await screen.findByRole('table', { name: 'Files' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(goldenPathsApi.runUpgrade).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Upgrade' }));
    await screen.findByRole('table', { name: 'Files' });
    expect(goldenPathsApi.planUpgrade).toHaveBeenCalledTimes(2);
  });
});
