import '@testing-library/jest-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { nodeDetails } from '../../__testUtils__';
import { GoldenPathFigures } from './GoldenPathFigures';

describe('GoldenPathFigures', () => {
  it('shows adoption, compliance, drift and the evaluation time', async () => {
    await renderInTestApp(<GoldenPathFigures details={nodeDetails} />);
    const figures = screen.getByRole('group', { name: 'Figures' });
    const value = (label: string) =>
      within(figures).getByText(label).closest('div')!.querySelector('dd')!
        .textContent;
    expect(value('Followers')).toBe('12');
    expect(value('Compliant')).toBe('75%');
    expect(value('Up to date')).toBe('7');
    expect(value('Behind')).toBe('4');
    expect(value('Version unknown')).toBe('1');
    expect(
      within(figures).getByText('1 major · 2 minor · 1 patch'),
    ).toBeInTheDocument();
    expect(within(figures).queryByText('On a deprecated path')).toBeNull();
    expect(screen.getByText('5 minutes ago')).toHaveAttribute(
      'datetime',
      nodeDetails.evaluatedAt,
    );
  });

  it('counts the followers of a deprecated path', async () => {
    await renderInTestApp(
      <GoldenPathFigures
        details={{
          ...nodeDetails,
          lifecycle: 'deprecated',
          drift: { ...nodeDetails.drift, deprecated: 12 },
        }}
      />,
    );
    expect(screen.getByText('On a deprecated path')).toBeInTheDocument();
  });
});
