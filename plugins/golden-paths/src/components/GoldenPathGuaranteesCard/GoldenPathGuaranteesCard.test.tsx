import '@testing-library/jest-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GoldenPathGuaranteesCard } from './GoldenPathGuaranteesCard';

describe('GoldenPathGuaranteesCard', () => {
  it("shows the backend's checks with their pass ratios and counts", async () => {
    await renderInTestApp(
      <GoldenPathGuaranteesCard
        guarantees={['sbom']}
        checks={[
          {
            id: 'sbom',
            title: 'SBOM',
            pass: 3,
            fail: 1,
            unknown: 0,
            passRatio: 0.75,
          },
          {
            id: 'runbook',
            title: 'Has a runbook',
            pass: 0,
            fail: 0,
            unknown: 0,
            passRatio: null,
          },
        ]}
      />,
    );
    expect(screen.getByRole('heading', { name: 'SBOM' })).toBeInTheDocument();
    expect(screen.getByText(/software bill of materials/)).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'SBOM: share of followers passing',
      }),
    ).toHaveAttribute('aria-valuetext', '75%');
    expect(screen.getByText('3 pass · 1 fail · 0 unknown')).toBeInTheDocument();
    // A check added by a module: its own title, no made-up description.
    expect(
      screen.getByRole('heading', { name: 'Has a runbook' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('runbook')).not.toBeInTheDocument();
  });

  it("falls back to the path's guarantees without figures", async () => {
    await renderInTestApp(
      <GoldenPathGuaranteesCard guarantees={['ci', 'owner']} />,
    );
    expect(
      screen.getByRole('heading', { name: 'Continuous integration' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Owned' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says when the path promises nothing', async () => {
    await renderInTestApp(<GoldenPathGuaranteesCard guarantees={[]} />);
    expect(screen.getByText(/promises no guarantees yet/)).toBeInTheDocument();
  });
});
