import '@testing-library/jest-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { history } from '../../__testUtils__';
import { GoldenPathHistoryChart } from './GoldenPathHistoryChart';

describe('GoldenPathHistoryChart', () => {
  it('draws a point per day for each series, with axes and a data table', async () => {
    await renderInTestApp(<GoldenPathHistoryChart points={history} />);

    const chart = screen.getByRole('img', {
      name: 'Adoption and compliance over time',
    });
    expect(chart).toHaveAccessibleDescription(
      'From 2025-03-01 to 2025-03-03, followers went from 4 to 12 (peak 12), and compliance from 50% to 75%.',
    );
    expect(screen.getAllByTestId('history-point-adoption')).toHaveLength(3);
    expect(screen.getAllByTestId('history-point-compliance')).toHaveLength(3);
    expect(chart.querySelectorAll('polyline')).toHaveLength(2);
    // Axis labels: followers 0..20 on the left, 0..100% on the right, days below.
    expect(within(chart).getByText('20')).toBeInTheDocument();
    expect(within(chart).getByText('100%')).toBeInTheDocument();
    expect(within(chart).getByText('Mar 1')).toBeInTheDocument();
    expect(within(chart).getByText('Mar 3')).toBeInTheDocument();

    const table = screen.getByRole('table', {
      name: 'Adoption and compliance per day',
    });
    const row = within(table).getByRole('row', { name: /2025-03-02/ });
    expect(row).toHaveTextContent('2025-03-02867' + '5%');
  });

  it('shows a single day as points in the middle, without lines', async () => {
    await renderInTestApp(
      <GoldenPathHistoryChart
        points={[
          {
            day: '2025-03-03',
            adoption: 5,
            compliant: 4,
            complianceRatio: 0.8,
          },
        ]}
      />,
    );
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleDescription(
      'On 2025-03-03: 5 followers, 80% compliant.',
    );
    const [point] = screen.getAllByTestId('history-point-adoption');
    expect(point).toHaveAttribute('cx', String(48 + (640 - 48 - 56) / 2));
    expect(chart.querySelectorAll('polyline')).toHaveLength(0);
  });

  it('leaves days without followers out of the compliance line', async () => {
    await renderInTestApp(
      <GoldenPathHistoryChart
        points={[
          {
            day: '2025-03-01',
            adoption: 0,
            compliant: 0,
            complianceRatio: null,
          },
          {
            day: '2025-03-02',
            adoption: 2,
            compliant: 1,
            complianceRatio: 0.5,
          },
          { day: '2025-03-03', adoption: 2, compliant: 2, complianceRatio: 1 },
        ]}
      />,
    );
    expect(screen.getAllByTestId('history-point-adoption')).toHaveLength(3);
    expect(screen.getAllByTestId('history-point-compliance')).toHaveLength(2);
    expect(screen.getByText('no followers')).toBeInTheDocument();
  });
});
