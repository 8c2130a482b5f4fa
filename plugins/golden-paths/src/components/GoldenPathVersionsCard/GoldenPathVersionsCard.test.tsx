import '@testing-library/jest-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { GoldenPathVersionsCard } from './GoldenPathVersionsCard';

describe('GoldenPathVersionsCard', () => {
  it('lists versions newest first with their share, the current one marked', async () => {
    await renderInTestApp(
      <GoldenPathVersionsCard
        currentVersion="2.10.0"
        versions={[
          { version: '2.9.1', count: 1 },
          { version: '2.10.0', count: 3 },
          { version: '1.0.0', count: 0 },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Versions in use' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => within(r).getByRole('rowheader').textContent)).toEqual(
      ['2.10.0current', '2.9.1', '1.0.0'],
    );
    expect(
      rows.map(r => within(r).getAllByRole('cell')[0].textContent),
    ).toEqual(['3', '1', '0']);
    expect(rows[0]).toHaveTextContent('2.10.0current');
    expect(rows[0]).toHaveAttribute('aria-current', 'true');
    expect(
      within(rows[0]).getByRole('progressbar', {
        name: 'Share of followers on 2.10.0',
      }),
    ).toHaveAttribute('aria-valuetext', '75%');
  });

  it('says when no version is in use', async () => {
    await renderInTestApp(
      <GoldenPathVersionsCard currentVersion="1.0.0" versions={[]} />,
    );
    expect(screen.getByText(/no version is in use/)).toBeInTheDocument();
  });
});
