import '@testing-library/jest-dom';
import type { UpgradeResult } from '@golden-paths/golden-paths-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORDERS_API, upgradePlan, upgradeResult } from '../../__testUtils__';
import {
  renderDialog,
  upgradeApi,
} from '../../__testUtils__/renderUpgradeDialog';

describe('UpgradeDialog', () => {
  it('shows the plan and writes nothing until the run button is pressed', async () => {
    const goldenPathsApi = upgradeApi();
    await renderDialog(goldenPathsApi);

    const dialog = await screen.findByRole('dialog', {
      name: 'Upgrade orders-api',
    });
    const files = await within(dialog).findByRole('table', { name: 'Files' });
    expect(goldenPathsApi.planUpgrade).toHaveBeenCalledWith(ORDERS_API);
    expect(dialog).toHaveTextContent(
      'Node.js HTTP service on Kubernetes: version 2.0.0 → 2.1.0',
    );
    expect(dialog).toHaveTextContent('A three-way merge of version 2.0.0');
    expect(within(dialog).getByLabelText('Summary')).toHaveTextContent(
      '3 files to change · 1 conflict · 1 flagged',
    );

    // Flagged files first, each row with its outcome in words and its detail.
    const rows = within(files)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      );
    expect(rows).toEqual([
      [
        'Needs a look',
        'Conflict',
        'Changed on both sides in the same lines: resolve the conflict markers.',
      ],
      ['', 'Updated from the template', expect.stringContaining('template')],
      ['', 'Renamed', expect.stringContaining('Renamed by the template')],
    ]);
    expect(
      within(files)
        .getAllByRole('rowheader')
        .map(h => h.textContent),
    ).toEqual([
      'src/server.ts',
      '.github/workflows/ci.yaml',
      'deploy/deployment.yaml → k8s/deployment.yaml',
    ]);
    expect(within(files).getAllByTitle('Needs a look')).toHaveLength(1);

    const notes = within(dialog).getByRole('region', { name: 'Release notes' });
    expect(
      within(notes).getByRole('heading', { name: 'What changed' }),
    ).toBeInTheDocument();
    expect(within(notes).getByText('22', { selector: 'strong' })).toBeVisible();
    expect(within(dialog).getByLabelText('Delivery')).toHaveTextContent(
      'Delivered as the local branch golden-paths/upgrade-node-http-service in /var/repos/orders-api',
    );

    expect(goldenPathsApi.runUpgrade).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create upgrade branch' }),
    );
    expect(
      await within(dialog).findByText('Upgrade branch created'),
    ).toBeInTheDocument();
    expect(goldenPathsApi.runUpgrade).toHaveBeenCalledTimes(1);
    expect(goldenPathsApi.runUpgrade).toHaveBeenCalledWith(ORDERS_API);
    expect(dialog).toHaveTextContent(
      'Branch golden-paths/upgrade-node-http-service at commit 3f9c2e1 in /var/repos/orders-api',
    );
    expect(dialog).toHaveTextContent(
      'Resolve the conflict markers in 1 file before merging the branch.',
    );
    expect(
      within(
        within(dialog).getByRole('list', { name: 'Files to look at' }),
      ).getByText('src/server.ts'),
    ).toBeInTheDocument();
    // Done: nothing left to run.
    expect(
      within(dialog).queryByRole('button', { name: 'Create upgrade branch' }),
    ).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeEnabled();
  });

  it('shows progress while the upgrade runs, and cannot be closed or run twice meanwhile', async () => {
    let finish: (result: UpgradeResult) => void = () => {};
    const goldenPathsApi = upgradeApi({
      runUpgrade: jest.fn(
        () =>
          new Promise<UpgradeResult>(resolve => {
            finish = resolve;
          }),
      ),
    });
    const { onClose } = await renderDialog(goldenPathsApi);
    const run = await screen.findByRole('button', {
      name: 'Create upgrade branch',
    });
    await userEvent.click(run);

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Creating the upgrade branch…',
    );
    expect(run).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await userEvent.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect(goldenPathsApi.runUpgrade).toHaveBeenCalledTimes(1);

    finish(upgradeResult());
    expect(await screen.findByText('Upgrade branch created')).toBeVisible();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('warns that a recopy is not a merge, with the reason', async () => {
    await renderDialog(
      upgradeApi({
        planUpgrade: jest.fn().mockResolvedValue(
          upgradePlan({
            mode: 'recopy',
            recopyReason:
              'Version 2.0.0 is no longer in the template repository.',
            files: [
              {
                path: 'src/server.ts',
                outcome: 'overwritten',
                flagged: true,
                detail: 'The new version was written over your changes.',
              },
            ],
            summary: { changed: 1, conflicts: 0, flagged: 1 },
          }),
        ),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Recopy, not a merge')).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'Version 2.0.0 is no longer in the template repository.',
    );
    expect(screen.queryByText(/three-way merge/)).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Files' })).getByText(
        'Overwritten: you changed it',
      ),
    ).toBeInTheDocument();
  });

  it('says when the merge base may be inexact', async () => {
    await renderDialog(
      upgradeApi({
        planUpgrade: jest.fn().mockResolvedValue(
          upgradePlan({
            notes: [
              'Version 2.0.0 renders 1 file(s) differently today than when this repository was made (README.md): changes there may be shown as yours.',
            ],
          }),
        ),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('The merge base may be inexact'),
    ).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'renders 1 file(s) differently today than when this repository was made (README.md)',
    );
    // Still a merge, not a recopy.
    expect(screen.getByText(/three-way merge/)).toBeInTheDocument();
  });

  it('says when there is nothing to change', async () => {
    await renderDialog(
      upgradeApi({
        planUpgrade: jest.fn().mockResolvedValue(
          upgradePlan({
            files: [],
            summary: { changed: 0, conflicts: 0, flagged: 0 },
          }),
        ),
      }),
    );
    expect(
      await screen.findByText(/Nothing to change: version 2.1.0 only changes/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Files' })).toBeNull();
  });
});
