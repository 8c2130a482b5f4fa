import '@testing-library/jest-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { GoldenPathStackCard } from './GoldenPathStackCard';

describe('GoldenPathStackCard', () => {
  it('lists the named keys first, then the platform team’s own', async () => {
    await renderInTestApp(
      <GoldenPathStackCard
        stack={{
          packaging: 'Distroless image',
          ci: 'GitHub Actions',
          language: 'TypeScript',
        }}
      />,
    );
    const rows = within(
      screen.getByRole('table', { name: 'Stack' }),
    ).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'LanguageTypeScript',
      'CIGitHub Actions',
      'PackagingDistroless image',
    ]);
  });

  it('says when the stack is empty', async () => {
    await renderInTestApp(<GoldenPathStackCard />);
    expect(screen.getByText(/decides no tooling yet/)).toBeInTheDocument();
  });
});
