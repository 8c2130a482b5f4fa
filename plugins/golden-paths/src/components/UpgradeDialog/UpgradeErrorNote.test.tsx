import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { backendError, upgradePlan, upgradeResult } from '../../__testUtils__';
import {
  renderDialog,
  upgradeApi,
} from '../../__testUtils__/renderUpgradeDialog';

describe('UpgradeDialog when the backend refuses', () => {
  it('shows why no plan can be made, with the backend’s words, and tries again', async () => {
    const planUpgrade = jest
      .fn()
      .mockRejectedValueOnce(
        await backendError(
          404,
          'Not Found',
          'orders-api has no scaffold record (.golden-paths/scaffold.yaml)',
        ),
      )
      .mockResolvedValueOnce(upgradePlan());
    const goldenPathsApi = upgradeApi({ planUpgrade });
    await renderDialog(goldenPathsApi);

    expect(
      await screen.findByText(
        'Error: No upgrade can be planned for this component',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'orders-api has no scaffold record (.golden-paths/scaffold.yaml)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Create upgrade branch' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('table', { name: 'Files' }),
    ).toBeInTheDocument();
    expect(planUpgrade).toHaveBeenCalledTimes(2);
    expect(goldenPathsApi.runUpgrade).not.toHaveBeenCalled();
  });

  it('says when the component is already up to date', async () => {
    await renderDialog(
      upgradeApi({
        planUpgrade: jest
          .fn()
          .mockRejectedValue(
            await backendError(409, 'Conflict', 'orders-api is on 2.1.0'),
          ),
      }),
    );
    expect(
      await screen.findByText('Error: Nothing to upgrade'),
    ).toBeInTheDocument();
    expect(screen.getByText('orders-api is on 2.1.0')).toBeInTheDocument();
  });

  it('shows a failed run in the dialog, keeps the plan, and runs again', async () => {
    const runUpgrade = jest
      .fn()
      .mockRejectedValueOnce(
        await backendError(
          500,
          'Internal Server Error',
          'git update-ref failed: cannot lock ref',
        ),
      )
      .mockResolvedValueOnce(upgradeResult());
    await renderDialog(upgradeApi({ runUpgrade }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create upgrade branch' }),
    );

    expect(
      await screen.findByText('Error: The upgrade could not be run'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('git update-ref failed: cannot lock ref'),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Files' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Upgrade branch created')).toBeVisible();
    expect(runUpgrade).toHaveBeenCalledTimes(2);
  });
});
